// The shop at the root of its host. next.config.base-path.js and next.config.trailing-slash.js
// are the same shop under a basePath and with trailing slashes: copied over this file to build
// those variants.
module.exports = require('./shop.config')
