"""Consistency checks of a whole mechanism: see [`yrdmodel.Mechanism.validate`][yrdmodel.Mechanism.validate].

``m.validate()`` runs every rule and returns a [`ValidationReport`][yrdmodel.ValidationReport]; it never
raises on bad data. Each [`Finding`][yrdmodel.Finding] has a stable code, a severity, a message,
the ids of the records involved, and ``possible=True`` when partial dates leave it open
whether the problem is real (such a finding is always a warning, never an error).

The finding codes:

| code | severity | what it means |
| --- | --- | --- |
| ``duplicate-id`` | error | Two records of one kind share an id. |
| ``dangling-id`` | error | A record refers to an id that no record of that kind has. |
| ``missing-source`` | error | A record, or a dated part of one such as a membership change, cites no source. |
| ``span-order`` | error | Dates out of order: an end before its start, a confirmation or attestation outside its tenure, a membership history not oldest first, or a rotation that ends before it begins. |
| ``tenure-overlap`` | error | More people hold a post at once than it has seats (overlaps the data marks as allowed are not counted). |
| ``incompatible-posts`` | error | One person holds two posts the model marks incompatible at the same time. |
| ``meeting-outside-body`` | error | A meeting is dated before its body was founded or on or after it was dissolved. |
| ``host-not-member`` | error | A symposium's host was not a full member on the meeting's date (a member with no recorded history is taken to be a member throughout). |
| ``rotation-deviation`` | warning | A meeting's host is not the one the rotation policy expects for its year. |
| ``next-host-mismatch`` | warning | A meeting decided who would host the next one, and a different member hosted it. |
| ``attendee-not-in-office`` | error | A meeting records an attendee in a post that the person did not hold on the meeting's date. |
| ``plan-series-overlap`` | error | Plans of one series cover a common year: one finding per stretch of years that two or more of them cover, naming every plan in it. |
| ``plan-series-gap`` | warning | Successive plans of one series leave years that no plan covers. |
| ``weak-support`` | warning | A record claims more confidence than the kinds of the sources it cites allow (see confidence_allowed). |

`yrdmodel.validation.rules.CODES` maps each code to its sentence, and
`yrdmodel.validation.rules.RULES` to the function that checks it.
"""
