// What every variant of the shop shares: locales, redirects, rewrites (each phase, with has and
// missing) and headers. Next.js's client reads the rewrites from the build manifest.
module.exports = {
  i18n: { locales: ['en', 'fr'], defaultLocale: 'en' },
  async redirects() {
    return [
      { source: '/old-catalog/:category', destination: '/catalog/:category', permanent: true },
      {
        source: '/promo',
        has: [{ type: 'query', key: 'code', value: '(?<code>[A-Z]+)' }],
        destination: '/deals/1?code=:code',
        permanent: false,
      },
      { source: '/outlet', destination: 'https://example.com/outlet', permanent: false },
    ]
  },
  async rewrites() {
    return {
      beforeFiles: [{ source: '/featured', destination: '/products/tea' }],
      afterFiles: [
        { source: '/p/:slug', destination: '/products/:slug?via=short' },
        {
          source: '/members/:slug',
          has: [{ type: 'cookie', key: 'session' }],
          destination: '/products/:slug?member=yes',
        },
        { source: '/members/:slug', missing: [{ type: 'cookie', key: 'session' }], destination: '/login' },
      ],
      fallback: [
        { source: '/legacy/:year', destination: '/archive/:year' },
        { source: '/elsewhere/:path*', destination: 'https://example.com/:path*' },
      ],
    }
  },
  async headers() {
    return [{ source: '/products/:slug', headers: [{ key: 'x-shop-product', value: ':slug' }] }]
  },
}
