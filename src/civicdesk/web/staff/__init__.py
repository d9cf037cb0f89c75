"""The officer console under /staff: pages and their JSON twins (/staff/api/...), over `civicdesk.staff`,
`civicdesk.cases` and `civicdesk.console`."""

from fastapi import APIRouter

from civicdesk.web.staff import auth, cases, contact_log, dashboard, queues, users

router = APIRouter()
for module in (auth, users, queues, cases, dashboard, contact_log):
    router.include_router(module.router)

__all__ = ["router"]
