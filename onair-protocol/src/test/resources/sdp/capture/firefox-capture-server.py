import http.server, os
class H(http.server.SimpleHTTPRequestHandler):
    def do_POST(self):
        n=int(self.headers.get('Content-Length',0)); body=self.rfile.read(n)
        name=self.path.strip('/').replace('/','-')
        open('/tmp/ff-'+name+'.sdp','wb').write(body)
        self.send_response(200); self.end_headers()
os.chdir('.'); http.server.HTTPServer(('127.0.0.1',8765),H).serve_forever()
