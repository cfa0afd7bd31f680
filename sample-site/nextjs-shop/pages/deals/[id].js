import { deal } from '../../lib/catalog'

// Deal 1 is built; the others are rendered on their first request, the browser waiting.
export async function getStaticPaths() {
  return { paths: [{ params: { id: '1' } }], fallback: 'blocking' }
}

export async function getStaticProps({ params }) {
  if (params.id === 'bonjour') return { redirect: { destination: '/fr/deals/1', permanent: false } }
  const id = Number(params.id)
  if (!Number.isInteger(id) || id < 1 || id > 50) return { notFound: true }
  return { props: deal(id), revalidate: 5 }
}

export default function Deal({ title, discount }) {
  return (
    <p>
      {title}: {discount}% off
    </p>
  )
}
