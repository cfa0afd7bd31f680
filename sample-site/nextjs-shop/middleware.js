import { NextResponse } from 'next/server'

// The shop's proxy (middleware). It has no `config.matcher`: it runs for every path, and Next.js's
// client then asks the data URL of every path it navigates to, static pages and paths without a
// page included. (A matcher would need next-swc to be read at build time, which is not here.)
export function middleware(request) {
  const url = request.nextUrl.clone()
  const path = url.pathname

  // A redirect's Location is absolute: http://<host>/...
  if (path === '/old-home') {
    url.pathname = '/'
    return NextResponse.redirect(url)
  }
  // A chain of redirects: /chain/1 → /chain/2 → /chain/3 → /products/tea.
  const step = path.match(/^\/chain\/(\d+)$/)
  if (step) {
    const next = Number(step[1]) + 1
    url.pathname = next > 3 ? '/products/tea' : `/chain/${next}`
    return NextResponse.redirect(url)
  }
  // A loop: a browser gives up after 20 redirects.
  if (path === '/loop/a' || path === '/loop/b') {
    url.pathname = path === '/loop/a' ? '/loop/b' : '/loop/a'
    return NextResponse.redirect(url)
  }
  if (path === '/tea-of-the-day') {
    url.pathname = '/products/tea'
    return NextResponse.rewrite(url)
  }
  if (path === '/away') {
    return NextResponse.redirect('https://example.com/away')
  }
  if (path.startsWith('/account') && !request.cookies.has('session')) {
    url.pathname = '/login'
    url.search = `?next=${encodeURIComponent(path)}`
    return NextResponse.redirect(url)
  }
  const headers = new Headers(request.headers)
  headers.set('x-shop-visitor', request.cookies.has('session') ? 'member' : 'guest')
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('x-shop-proxy', 'passed')
  if (!request.cookies.has('visited')) response.cookies.set('visited', '1', { path: '/' })
  return response
}
