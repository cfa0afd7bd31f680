import App from 'next/app'
import Link from 'next/link'

// A custom App with getInitialProps: every page is rendered on the server (none is static any
// more), and its props sit beside pageProps in __NEXT_DATA__.props and in every data answer.
export default function Shop({ Component, pageProps, shop }) {
  return (
    <>
      <header>
        <strong>{shop.name}</strong>{' '}
        <nav>
          <Link href="/">Home</Link> <Link href="/about">About</Link> <Link href="/account">Account</Link>
        </nav>
      </header>
      <main>
        <Component {...pageProps} />
      </main>
    </>
  )
}

Shop.getInitialProps = async (context) => {
  const props = await App.getInitialProps(context)
  return { ...props, shop: { name: 'Corner Shop', currency: 'EUR' } }
}
