import { useRouter } from 'next/router'
import { categories, builtCategories } from '../../lib/catalog'

// Two categories are built; the others render their fallback first, then their data.
export async function getStaticPaths() {
  return { paths: builtCategories.map((category) => ({ params: { category } })), fallback: true }
}

export async function getStaticProps({ params }) {
  if (params.category === 'sale') return { redirect: { destination: '/deals/1', permanent: false } }
  const items = categories[params.category]
  if (!items) return { notFound: true }
  return { props: { category: params.category, items }, revalidate: 60 }
}

export default function Category({ category, items }) {
  const router = useRouter()
  if (router.isFallback) return <p>Loading…</p>
  return (
    <>
      <h1>{category}</h1>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  )
}
