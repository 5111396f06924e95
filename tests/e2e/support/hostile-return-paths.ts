/**
 * Return targets (`next`, `redirect_to`) that must never leave the host: dot
 * segments that resolve to `//`, percent- and double-encoded slashes, dots and
 * backslashes, control characters and whitespace that browsers strip, other
 * schemes, protocol-relative and absolute URLs (other sites, other tenants),
 * and Unicode look-alikes. The unit test of safeReturnPath and the HTTP tests of
 * every entry point feed all of them.
 */
export function hostileReturnPaths(otherTenantHost: string): string[] {
  return [
    // Dot segments that leave `//host` behind (issue 7's probes).
    '/..//evil.example/x',
    '/a/..//evil.example',
    '/%2e%2e//evil.example',
    '/%2E%2E//evil.example',
    '/.//evil.example',
    '/x/../\\evil.example',
    '/%2e%2e%2f%2fevil.example',
    '/..%2f%2fevil.example',
    '/a/%2e%2e/%2e%2e/%2f/evil.example',
    '/%252e%252e//evil.example',
    // Protocol-relative, and backslashes browsers read as slashes.
    '//evil.example',
    '//evil.example/path',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    // Encoded and double-encoded slashes and backslashes.
    '/%2fevil.example',
    '/%2F%2Fevil.example',
    '/%5cevil.example',
    '/%5C%5Cevil.example',
    '%2f%2fevil.example',
    '/%252f%252fevil.example',
    '/%25252f%25252fevil.example',
    '/%%32%66/evil.example',
    '/%2e%2e%5c%5cevil.example',
    // Tabs, newlines, CR, NUL and spaces (stripped or split by parsers).
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0d%0a/evil.example',
    '/%00//evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/ /evil.example',
    '/account\r\nLocation: http://evil.example',
    // Other schemes.
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https://evil.example/',
    'http://evil.example',
    'https:evil.example',
    'http:/\\evil.example',
    'HTTPS://EVIL.EXAMPLE',
    // Other tenants of this deployment.
    `http://${otherTenantHost}/members`,
    `https://${otherTenantHost}`,
    `//${otherTenantHost}/settings`,
    `/..//${otherTenantHost}/settings`,
    // Unicode: fullwidth solidus, reverse solidus and full stop, bidi override.
    '/\uFF0Fevil.example',
    '\uFF0F\uFF0Fevil.example',
    '/\uFF3Cevil.example',
    '/%ef%bc%8f%ef%bc%8fevil.example',
    '/\uFF0E\uFF0E//evil.example',
    '/%E2%80%AE//evil.example',
    '//evil\u3002example',
    // Not a path at all.
    'evil.example',
    '../evil.example',
    './/evil.example',
  ];
}
