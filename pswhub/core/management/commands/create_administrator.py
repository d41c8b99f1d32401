import getpass
import sys

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pswhub.core import roles
from pswhub.core.models import Role, User

USERNAME_EXISTS = "An account called {username} already exists"
PASSWORDS_DIFFER = "The passwords did not match"


class Command(BaseCommand):
    help = (
        "Creates a PSW Hub administrator with a local password, for the first sign-in on a new installation "
        "or as a break-glass account. They set up an authenticator app when they first sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password-stdin", action="store_true", help="Read the password from standard input")

    def handle(self, *args, username, email, password_stdin, **options):
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(USERNAME_EXISTS.format(username=username))
        if password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password again: "):
                raise CommandError(PASSWORDS_DIFFER)
        user = User(username=username, email=email)
        try:
            password_validation.validate_password(password, user)
            user.full_clean(exclude=["password"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.roles.set([Role.objects.get(code=roles.ADMIN)])
        self.stdout.write(self.style.SUCCESS(f"Created administrator {username}."))
