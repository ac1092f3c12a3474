// Shared by the four docs pages: connects the page's explorer to its <jwt-login> and lets
// the reader switch the bridge off and on (window.docsBridge does the same for tests).

/**
 * @param {(login: Element) => () => void} connect connects the explorer, returns the disconnect
 */
export function bridgeToggle(connect) {
  const login = document.querySelector('jwt-login');
  const checkbox = /** @type {HTMLInputElement} */ (document.getElementById('bridge'));
  /** @type {(() => void) | undefined} */
  let disconnect;
  const setConnected = (on) => {
    if (on && !disconnect) disconnect = connect(login);
    if (!on && disconnect) {
      disconnect();
      disconnect = undefined;
    }
    checkbox.checked = on;
  };
  checkbox.addEventListener('change', () => setConnected(checkbox.checked));
  setConnected(checkbox.checked);
  window.docsBridge = {
    connect: () => setConnected(true),
    disconnect: () => setConnected(false),
  };
}
