console.log(JSON.stringify(process.argv.slice(2)), process.cwd()); process.exitCode = 3;
