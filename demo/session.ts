// The multi-tab page: one wunder widget with persist="local", and this tab's events.
import '../src/define.js';
import { authServer } from './auth-server.js';
import { element, logWidgetEvents } from './event-log.js';


logWidgetEvents(document.getElementById('events') as HTMLOListElement);
const login = document.createElement('jwt-login');
login.dataset['demo'] = 'session';
for (const [name, value] of Object.entries({
  'base-url': `${authServer}/wunder/v1`,
  tenant: 'globex',
  methods: 'password',
  persist: 'local',
})) {
  login.setAttribute(name, value);
}
document.getElementById('widgets')!.append(
  element(
    'section',
    { className: 'card', attributes: { 'aria-labelledby': 'session-heading' } },
    element('h2', { text: 'Wunder, persist="local"', attributes: { id: 'session-heading' } }),
    element('p', { text: 'E-mail demo@example.com, password demo-password.', className: 'muted' }),
    login,
  ),
);
