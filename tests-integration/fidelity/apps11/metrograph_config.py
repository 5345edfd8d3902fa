COMPRESSED_PACKAGES_PATH = "/tmp/metrograph/compressed"
FLAT_PACKAGES_PATH = "/tmp/metrograph/flat"
GUEST_FLAT_PACKAGES_PATH = "/tmp/metrograph/guest"
lower_case_ignored = "yes"
