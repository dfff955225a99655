// The only place the API key is read: it lives in sessionStorage (gone when the browser session
// ends) and leaves the page only in the Authorization header of same-origin /api requests.

const KEY = 'goalpost.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signedIn: () => Boolean(sessionStorage.getItem(KEY)),
  remember: (key) => sessionStorage.setItem(KEY, key),
  forget: () => sessionStorage.removeItem(KEY),
};

/** An answer other than 2xx, with the API's error code and its human message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** One API call with the session's key; JSON in and out. A 401 ends the session (the key was revoked). */
export async function api(method, path, body, key = session.key()) {
  const headers = { accept: 'application/json', authorization: `Bearer ${key}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit', redirect: 'error',
    });
  } catch (network) {
    throw new ApiError(0, 'network', 'The API could not be reached. Check your connection and try again.');
  }
  if (response.status === 204) return null;
  let json = null;
  try {
    json = await response.json();
  } catch (notJson) {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401 && key === session.key()) {
      window.dispatchEvent(new CustomEvent('goalpost:unauthorized'));
    }
    throw new ApiError(response.status, json && json.error, (json && json.message) || `The API answered ${response.status}.`);
  }
  return json;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A path segment as the API expects it: slugs and product ids are plain, but never trusted to be. */
export function segment(value) {
  return encodeURIComponent(value);
}
