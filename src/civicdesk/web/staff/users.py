"""Staff accounts for admins: /staff/users (list, create), /staff/users/{username} (change, reset password).

JSON twins under /staff/api/users. An admin cannot deactivate or demote their own account (no lock-out).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from civicdesk.errors import CivicdeskError
from civicdesk.staff import (
    Role,
    SignedIn,
    StaffUser,
    can_manage_users,
    create_user,
    get_user_by_username,
    list_users,
    require,
    set_password,
    update_user,
)
from civicdesk.web.staff.context import (
    as_json,
    check_csrf,
    console,
    error_response,
    error_status,
    page,
    redirect,
    require_user,
    runtime_of,
    wants_json,
)

router = APIRouter(include_in_schema=False)


class UserIn(BaseModel):
    username: str = Field(max_length=64)
    display_name: str = Field("", max_length=120)
    role: str
    departments: list[str] = Field(default_factory=list, max_length=50)
    password: str = Field(max_length=1000)


class UserChange(BaseModel):
    display_name: str | None = Field(None, max_length=120)
    role: str | None = None
    departments: list[str] | None = Field(None, max_length=50)
    active: bool | None = None


class PasswordIn(BaseModel):
    password: str = Field(max_length=1000)


def _admin(request: Request) -> SignedIn:
    signed_in = require_user(request)
    require(can_manage_users(signed_in.user), "manage staff accounts")
    return signed_in


def _department_codes(request: Request) -> set[str]:
    return set(runtime_of(request).catalogue.departments)


def _not_yourself(signed_in: SignedIn, username: str, change: UserChange) -> None:
    if signed_in.user.username != username.strip().lower():
        return
    if change.active is False or (change.role is not None and change.role != Role.ADMIN.value):
        raise CivicdeskError(
            "E572", "you cannot deactivate or demote your own account: ask another administrator", "conflict"
        )


def _list_page(request: Request, status_code: int = 200, **context: Any) -> Response:
    with runtime_of(request).database.session() as session:
        users = list_users(session)
    if wants_json(request):
        return as_json({"count": len(users), "users": [u.to_dict() for u in users]}, status_code=status_code)
    departments = sorted(runtime_of(request).catalogue.departments)
    return page(
        request, "staff/users.html", status_code, users=users, departments=departments, roles=list(Role), **context
    )


@router.get("/staff/users")
@router.get("/staff/api/users")
@console
def users_page(request: Request) -> Response:
    _admin(request)
    return _list_page(request)


def _create(request: Request, data: UserIn) -> StaffUser:
    with runtime_of(request).database.session() as session:
        return create_user(
            session,
            data.username,
            data.display_name,
            data.password,
            data.role,
            data.departments,
            _department_codes(request),
        )


@router.post("/staff/users")
@console
def create_from_form(
    request: Request,
    username: Annotated[str, Form(max_length=64)] = "",
    display_name: Annotated[str, Form(max_length=120)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    departments: Annotated[list[str] | None, Form()] = None,
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, _admin(request), csrf_token)
    data = UserIn(
        username=username, display_name=display_name, role=role, departments=departments or [], password=password
    )
    try:
        user = _create(request, data)
    except CivicdeskError as exc:
        if wants_json(request):
            return error_response(request, exc)
        return _list_page(request, error_status(exc), error=exc, form=data.model_copy(update={"password": ""}))
    return redirect(f"/staff/users?created={user.username}")


@router.post("/staff/api/users")
@console
def create_from_json(request: Request, body: UserIn) -> Response:
    check_csrf(request, _admin(request))
    return as_json(_create(request, body).to_dict(), status_code=201)


@router.get("/staff/users/{username}")
@router.get("/staff/api/users/{username}")
@console
def user_page(request: Request, username: str) -> Response:
    _admin(request)
    with runtime_of(request).database.session() as session:
        user = get_user_by_username(session, username)
    if wants_json(request):
        return as_json(user.to_dict())
    departments = sorted(runtime_of(request).catalogue.departments)
    return page(
        request,
        "staff/user.html",
        user=user,
        departments=departments,
        roles=list(Role),
        saved=request.query_params.get("saved"),
    )


def _change(request: Request, signed_in: SignedIn, username: str, change: UserChange) -> StaffUser:
    _not_yourself(signed_in, username, change)
    with runtime_of(request).database.session() as session:
        return update_user(
            session,
            username,
            display_name=change.display_name,
            role=change.role,
            departments=change.departments,
            active=change.active,
            known_departments=_department_codes(request),
        )


@router.post("/staff/users/{username}")
@console
def change_from_form(
    request: Request,
    username: str,
    display_name: Annotated[str, Form(max_length=120)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    departments: Annotated[list[str] | None, Form()] = None,
    active: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    signed_in = _admin(request)
    check_csrf(request, signed_in, csrf_token)
    chosen_role = role or None
    change = UserChange(
        display_name=display_name or None,
        role=chosen_role,
        departments=(departments or []) if chosen_role is not None else None,
        active=active == "on",
    )
    user = _change(request, signed_in, username, change)
    return redirect(f"/staff/users/{user.username}?saved=1")


@router.post("/staff/api/users/{username}")
@console
def change_from_json(request: Request, username: str, body: UserChange) -> Response:
    signed_in = _admin(request)
    check_csrf(request, signed_in)
    return as_json(_change(request, signed_in, username, body).to_dict())


def _reset(request: Request, username: str, password: str) -> StaffUser:
    with runtime_of(request).database.session() as session:
        return set_password(session, username, password)


@router.post("/staff/users/{username}/password")
@console
def reset_from_form(
    request: Request,
    username: str,
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, _admin(request), csrf_token)
    user = _reset(request, username, password)
    return redirect(f"/staff/users/{user.username}?saved=password")


@router.post("/staff/api/users/{username}/password")
@console
def reset_from_json(request: Request, username: str, body: PasswordIn) -> Response:
    check_csrf(request, _admin(request))
    user = _reset(request, username, body.password)
    return as_json({"username": user.username, "password_changed": True})
