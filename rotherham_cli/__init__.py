"""judgements: a command-line tracker of Ofsted's judgements on local authorities' children's services."""

__version__ = "0.1.0"
