// No data function: without the custom App's getInitialProps this page would be static.
export default function About() {
  return <p>A small shop, written to see what a browser really asks for.</p>
}
