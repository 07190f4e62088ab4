"""Errors cross process boundaries intact (the app loads stories in a child process)."""

import pickle

from storyline.summarize.errors import InputError, NothingUsable


def test_errors_pickle_round_trip() -> None:
    err = pickle.loads(pickle.dumps(InputError("a.txt", "empty")))
    assert (err.origin, err.reason, str(err)) == ("a.txt", "empty", "a.txt: empty")
    assert str(pickle.loads(pickle.dumps(NothingUsable("no usable article")))) == "no usable article"
