import { randomBytes } from 'crypto'
import Head from 'next/head'

// A page served with a Content-Security-Policy whose script nonce is new on every request;
// _document reads the nonce from this header and gives it to <Head> and <NextScript>.
export async function getServerSideProps({ res }) {
  const nonce = randomBytes(16).toString('base64')
  res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`)
  return { props: { directives: ['script-src', 'object-src', 'base-uri'] } }
}

export default function Secure({ directives }) {
  return (
    <>
      <Head>
        <title>Content-Security-Policy · The Swift Gazette</title>
      </Head>
      <h1>A page with a Content-Security-Policy</h1>
      <p>Its scripts run only with the nonce its Content-Security-Policy header names, new on every request; the __NEXT_DATA__ script carries it too.</p>
      <ul>{directives.map((directive) => <li key={directive}>{directive}</li>)}</ul>
    </>
  )
}
