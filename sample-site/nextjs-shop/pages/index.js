import Link from 'next/link'
import { products } from '../lib/catalog'

// Built at `next build`, regenerated at most once a minute (ISR).
export async function getStaticProps({ locale }) {
  return { props: { locale, featured: Object.keys(products) }, revalidate: 60 }
}

export default function Home({ locale, featured }) {
  return (
    <>
      <h1>Corner Shop ({locale})</h1>
      <ul id="products">
        {featured.map((slug) => (
          <li key={slug}>
            <Link href={`/products/${slug}`}>{slug}</Link>
          </li>
        ))}
      </ul>
      <ul id="everything">
        <li><Link href="/catalog/shoes">a category built at build time</Link></li>
        <li><Link href="/catalog/bags">a category rendered on first request (fallback: true)</Link></li>
        <li><Link href="/deals/1">a deal (fallback: blocking)</Link></li>
        <li><Link href="/archive/2024">the archive (fallback: false)</Link></li>
        <li><Link href="/old-home">a redirect by the shop's proxy</Link></li>
        <li><Link href="/tea-of-the-day">a rewrite by the shop's proxy</Link></li>
        <li><Link href="/p/coffee">a rewrite in next.config.js</Link></li>
        <li><Link href="/" locale="fr">en français</Link></li>
      </ul>
    </>
  )
}
