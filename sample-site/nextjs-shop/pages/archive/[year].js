import { archiveYears } from '../../lib/catalog'

// Only the years built exist: any other is a 404.
export async function getStaticPaths() {
  return { paths: archiveYears.map((year) => ({ params: { year } })), fallback: false }
}

export async function getStaticProps({ params }) {
  return { props: { year: params.year } }
}

export default function Archive({ year }) {
  return <h1>Archive {year}</h1>
}
