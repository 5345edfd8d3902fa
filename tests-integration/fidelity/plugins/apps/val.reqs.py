J = {"Content-Type": "application/json"}
FM = {"Content-Type": "application/x-www-form-urlencoded"}
REQS = [
 ("POST", "/dc", J, '{"name":"a","age":3}'), ("POST", "/dc", J, '{"name":"a"}'), ("POST", "/dc", J, '{"name":"a","age":"x"}'),
 ("POST", "/dc", J, 'not json'), ("POST", "/dc", {}, ''), ("POST", "/dc", J, '[1,2]'), ("POST", "/dc", J, '{"name":"a","age":3,"extra":1}'),
 ("GET", "/q?q=hi&page=2&tags=a&tags=b"), ("GET", "/q?page=2"), ("GET", "/q?q=x&page=zz"), ("GET", "/q?q=x"),
 ("POST", "/f", FM, "user=bob&n=5"), ("POST", "/f", FM, "user=bob"), ("POST", "/f", {"Content-Type": "multipart/form-data; boundary=XX"}, '--XX\r\nContent-Disposition: form-data; name="user"\r\n\r\nann\r\n--XX\r\nContent-Disposition: form-data; name="n"\r\n\r\n7\r\n--XX--\r\n'),
 ("POST", "/pm", J, '{"name":"a","age":3}'), ("POST", "/pm", J, '{"name":"a","age":"x"}'), ("POST", "/pm", J, '{}'),
 ("POST", "/at", J, '{"name":"a","age":3}'), ("POST", "/at", J, '{"name":"a"}'),
 ("POST", "/noarg", J, '{"name":"a","age":3}'),
 ("POST", "/fn", J, '{"x":1}'),
 ("POST", "/view", J, '{"name":"vv","age":3}'), ("POST", "/view", J, '{"name":"vv"}'),
 ("POST", "/dc", dict(J, Accept="application/json"), '{"name":"a"}'),
 ("POST", "/dc", dict(J, Accept="text/html"), '{"name":"a"}'),
]
