console.log("bundle")
