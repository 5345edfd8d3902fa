from typing import Any, reveal_type

from sanic.exceptions import SanicException


class PaymentRequired(SanicException):
    status_code = 402
    quiet = True
    headers = {"x-pay": "1"}
    def __init__(self, amount: int, **kwargs: Any) -> None:
        super().__init__(f"pay {amount}", context={"amount": amount}, **kwargs)
err = PaymentRequired(3, extra={"debug": True})
reveal_type(err.context)
reveal_type(PaymentRequired.quiet)
