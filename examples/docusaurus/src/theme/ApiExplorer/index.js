// Wraps the theme's API explorer (`npm run swizzle docusaurus-theme-openapi-docs ApiExplorer -- --wrap`):
// each API page renders it with a Redux store of its own, which the bridge fills with the
// widget's token and follows through refreshes and sign-out.
import React, { useEffect } from 'react';
import { useStore } from 'react-redux';
import ApiExplorer from '@theme-original/ApiExplorer';
import { connectDocusaurusOpenApi } from 'jwt-login-widget/bridges';

export default function ApiExplorerWithLogin(props) {
  const store = useStore();
  useEffect(() => {
    const login = document.querySelector('jwt-login');
    return login ? connectDocusaurusOpenApi(login, store) : undefined;
  }, [store]);
  return <ApiExplorer {...props} />;
}
