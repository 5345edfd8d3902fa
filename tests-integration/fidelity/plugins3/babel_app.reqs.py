REQS = [
    ("GET", "/fmt"), ("GET", "/fmt", {"Accept-Language": "de-DE,de;q=0.9,en;q=0.8"}),
    ("GET", "/fmt", {"Accept-Language": "fr-CA, en", "X-Timezone": "America/Montreal"}),
    ("GET", "/fmt?lang=ja", {"X-Timezone": "Asia/Tokyo"}), ("GET", "/fmt?lang=xx"),
    ("GET", "/fmt", {"X-Timezone": "Not/AZone"}), ("GET", "/forced", {"Accept-Language": "de"}),
    ("GET", "/tmpl", {"Accept-Language": "de"}), ("GET", "/tmpl"),
]
