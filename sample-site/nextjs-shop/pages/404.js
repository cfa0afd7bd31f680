export default function NotFound() {
  return <h1>This shelf is empty (404)</h1>
}
