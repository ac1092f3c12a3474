// Wraps every page and is never unmounted: the one <jwt-login> of the site lives here, so
// the session survives client-side navigation between docs pages. `connect` finds each API
// page's explorer (docusaurus-openapi-docs) as it appears and hands it the token.
import React from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

export default function Root({ children }) {
  const { apiBaseUrl, tenant } = useDocusaurusContext().siteConfig.customFields;
  return (
    <>
      {children}
      <details className="jwt-login-dock" open>
        <summary>Sign in to try the API</summary>
        <jwt-login base-url={apiBaseUrl} tenant={tenant} persist="session" connect="auto"></jwt-login>
      </details>
    </>
  );
}
