/** Whether a content type is text (HTTP APIs base64-encode everything else for Lambda). */
export function isTextContent(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType === '') return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql|yaml|x-yaml)$/.test(type) ||
    type.endsWith('+json') ||
    type.endsWith('+xml')
  );
}
