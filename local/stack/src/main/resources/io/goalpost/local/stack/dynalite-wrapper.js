// Runs dynalite's server inside this node process and exits as soon as stdin closes.
// The JVM that started us holds the other end of the pipe; when that JVM dies, even by
// kill -9, the kernel closes it, so no dynalite outlives the JVM that owns it.
// It listens on a port the kernel picks (dynalite's cli.js cannot: it reads port 0 as its
// default 4567) and prints dynalite's own line with that port, which the JVM waits for.
// Usage: node -e "<this file>" <path to the dynalite package directory> <host>
'use strict'
const [dynaliteDir, host] = process.argv.slice(1)
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
const server = require(dynaliteDir)({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
// A client that gives up mid-request (an SDK call timeout under load) makes node emit "aborted"
// on the request, and dynalite's handler rethrows every request error (index.js:
// `req.on('error', function (err) { throw err })`), which would end the whole emulator.
// Nobody waits for that answer: let that one request go and keep serving the others. Any other
// uncaught error still ends the process, as it would without this.
process.on('uncaughtException', (error) => {
  if (error && error.message === 'aborted' && error.code === 'ECONNRESET') {
    console.log('dropped a request its client abandoned')
    return
  }
  console.error(error && error.stack ? error.stack : error)
  process.exit(1)
})
server.listen(0, host, () => console.log('Dynalite listening at: http://%s:%s', host, server.address().port))
