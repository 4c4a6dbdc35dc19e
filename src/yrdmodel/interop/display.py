"""HTML for notebooks, under the name it had before it moved beside what it shows.

The records' HTML is in `yrdmodel.model.html`; the mechanism's and the validation report's, which
render the views, are in `yrdmodel.model.display`. The names stay importable from here.
"""

from yrdmodel.model.display import mechanism_html as mechanism_html
from yrdmodel.model.display import report_html as report_html
from yrdmodel.model.html import FOLD_AFTER as FOLD_AFTER
from yrdmodel.model.html import Shown as Shown
from yrdmodel.model.html import body_html as body_html
from yrdmodel.model.html import meeting_html as meeting_html
from yrdmodel.model.html import member_html as member_html
from yrdmodel.model.html import person_html as person_html
from yrdmodel.model.html import plan_html as plan_html
from yrdmodel.model.html import post_html as post_html
from yrdmodel.model.html import record_html as record_html
from yrdmodel.model.html import show as show
from yrdmodel.model.html import source_html as source_html
from yrdmodel.model.html import tenure_html as tenure_html
