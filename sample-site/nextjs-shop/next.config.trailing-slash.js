// The shop with trailing slashes on every URL (copied over next.config.js to build this variant).
module.exports = { ...require('./shop.config'), trailingSlash: true }
