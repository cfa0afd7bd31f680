export async function getServerSideProps() {
  throw new Error('the till is broken')
}

export default function Broken() {
  return <p>never shown</p>
}
