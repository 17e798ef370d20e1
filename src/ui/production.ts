/**
 * React's development build checks and tracks far more than a terminal
 * report needs and makes ink's rendering about twice as slow. The CLI's ink
 * screens use the production build unless the user set `NODE_ENV`. Call this
 * before React is first imported (React reads `NODE_ENV` when it loads).
 */
export function preferProductionReact(): void {
  if (process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production'
}
