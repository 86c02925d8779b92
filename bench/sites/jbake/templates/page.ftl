<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${(content.title)!content.uri}</title></head>
<body><main>
<h1>${(content.title)!content.uri}</h1>
${content.body}
</main></body>
</html>
