<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Plans (JBake benchmark site)</title></head>
<body><main>
<h1>Plans (JBake benchmark site)</h1>
<ul>
<#list published_pages as p><li><a href="${p.uri}">${(p.title)!p.uri}</a></li>
</#list></ul>
</main></body>
</html>
