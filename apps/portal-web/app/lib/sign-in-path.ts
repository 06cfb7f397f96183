/** The sign-in page, which comes back to `returnTo` (a path of the portal) afterwards. */
export function signInPath(returnTo: string): string {
  return `/dang-nhap?tiep=${encodeURIComponent(returnTo)}`;
}
