// The shop under /shop (copied over next.config.js to build this variant).
module.exports = { ...require('./shop.config'), basePath: '/shop' }
