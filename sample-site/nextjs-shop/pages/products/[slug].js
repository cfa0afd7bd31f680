import { products } from '../../lib/catalog'

// Rendered on every request; a product that does not exist is a 404.
export async function getServerSideProps({ params, query, req }) {
  const product = products[params.slug]
  if (!product) return { notFound: true }
  return {
    props: {
      slug: params.slug,
      ...product,
      via: query.via || null,
      member: query.member === 'yes',
      visitor: req.headers['x-shop-visitor'] || null,
    },
  }
}

export default function Product({ name, price, via }) {
  return (
    <>
      <h1>{name}</h1>
      <p>{price} EUR{via ? ` (via ${via})` : ''}</p>
    </>
  )
}
