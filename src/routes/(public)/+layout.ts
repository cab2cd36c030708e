// Pages that depend only on the content (home, référentiels, métiers) are built once, at
// build time, and served as files: no database, no session, the same bytes for everyone.
// Their header is therefore the public one (src/routes/+layout.server.ts). A page of this
// group that reads the request (the criterion search) sets `prerender = false` itself.
export const prerender = true;
