import { useRouter } from 'next/router'

export default function Login() {
  const { query } = useRouter()
  return <p>Sign in to see {query.next || 'your account'}.</p>
}
