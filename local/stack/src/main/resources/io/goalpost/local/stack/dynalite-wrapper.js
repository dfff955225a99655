// Runs dynalite's cli.js inside this node process and exits as soon as stdin closes.
// The JVM that started us holds the other end of the pipe; when that JVM dies, even by
// kill -9, the kernel closes it, so no dynalite outlives the JVM that owns it.
// Usage: node -e "<this file>" <path to dynalite/cli.js> [dynalite options...]
'use strict'
const [cli, ...options] = process.argv.slice(1)
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
process.argv = [process.argv[0], cli, ...options]
require(cli)
