export default function ServerError() {
  return <h1>The till is broken (500)</h1>
}
