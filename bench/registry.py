"""A minimal Confluent-compatible Schema Registry for the benchmarks (in memory).

Serves POST /subjects/{s}/versions, POST /subjects/{s}, GET /subjects/{s}/versions/latest
and GET /schemas/ids/{id}; prints the port it listens on.
"""
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

schemas, subjects = [], {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/vnd.schemaregistry.v1+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")

    def do_POST(self):
        path = self.path.split("?")[0]
        schema = self.body().get("schema", "")
        if m := re.fullmatch(r"/subjects/([^/]+)/versions", path):
            if schema not in schemas:
                schemas.append(schema)
            sid = schemas.index(schema) + 1
            versions = subjects.setdefault(m[1], [])
            if sid not in versions:
                versions.append(sid)
            return self.reply(200, {"id": sid})
        if m := re.fullmatch(r"/subjects/([^/]+)", path):
            versions = subjects.get(m[1])
            if versions is None:
                return self.reply(404, {"error_code": 40401, "message": "Subject not found"})
            if schema in schemas and schemas.index(schema) + 1 in versions:
                sid = schemas.index(schema) + 1
                return self.reply(200, {"subject": m[1], "id": sid, "version": versions.index(sid) + 1, "schema": schema})
            return self.reply(404, {"error_code": 40403, "message": "Schema not found"})
        self.reply(404, {"error_code": 404, "message": "Not found"})

    def do_GET(self):
        path = self.path.split("?")[0]
        if m := re.fullmatch(r"/schemas/ids/(\d+)", path):
            return self.reply(200, {"schema": schemas[int(m[1]) - 1]})
        if m := re.fullmatch(r"/subjects/([^/]+)/versions/latest", path):
            versions = subjects.get(m[1])
            if not versions:
                return self.reply(404, {"error_code": 40401, "message": "Subject not found"})
            sid = versions[-1]
            return self.reply(200, {"subject": m[1], "id": sid, "version": len(versions), "schema": schemas[sid - 1]})
        self.reply(404, {"error_code": 404, "message": "Not found"})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
