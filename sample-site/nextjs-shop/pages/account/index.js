// Reached only with a session cookie: the shop's proxy sends everyone else to /login.
export async function getServerSideProps({ req }) {
  return { props: { session: req.cookies.session || null, orders: 2 } }
}

export default function Account({ orders }) {
  return <p>You have {orders} orders.</p>
}
