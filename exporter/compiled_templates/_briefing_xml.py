from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_briefing.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_m = l_0_cite = l_0_byline = l_0_key_points = l_0_summary = l_0_more = l_0_quotations = l_0_questions = l_0_timeline = l_0_actors = l_0_figures = l_0_full_text = l_0_source = l_0_key_facts = missing
    try:
        t_1 = environment.filters['file_label']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'file_label' found.")
    try:
        t_2 = environment.filters['human_date']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'human_date' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['label']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'label' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_7 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_8 = environment.filters['min']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'min' found.")
    try:
        t_9 = environment.filters['notable']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'notable' found.")
    try:
        t_10 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_11 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_12 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    try:
        t_13 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', '_briefing.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    def macro(l_1_n, l_1_p, l_1_bare):
        t_14 = []
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_bare is missing:
            l_1_bare = False
        pass
        t_14.extend((
            '<ref n="',
            escape(l_1_n),
            '"',
        ))
        if l_1_p:
            pass
            t_14.extend((
                ' target="',
                escape(l_1_p),
                'p',
                escape(l_1_n),
                '"',
            ))
        t_14.extend((
            '>',
            escape(('' if l_1_bare else '¶')),
            escape(l_1_n),
            '</ref>',
        ))
        return concat(t_14)
    context.exported_vars.add('cite')
    context.vars['cite'] = l_0_cite = Macro(environment, macro, 'cite', ('n', 'p', 'bare'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a):
        t_15 = []
        l_1_named = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        l_1_named = t_6(context.eval_ctx, t_10(context, t_7(context, environment.getattr(l_1_a, 'authors'), attribute='name')))
        if (undefined(name='named') if l_1_named is missing else l_1_named):
            pass
            t_15.extend((
                '<p style="meta">By ',
                escape(t_3(context.eval_ctx, (undefined(name='named') if l_1_named is missing else l_1_named), ', ')),
                '</p>',
            ))
        if (environment.getattr(environment.getattr(l_1_a, 'meta'), 'dateline') and environment.getattr(environment.getattr(environment.getattr(l_1_a, 'meta'), 'dateline'), 'text')):
            pass
            t_15.extend((
                '<p style="meta">',
                escape(environment.getattr(environment.getattr(environment.getattr(l_1_a, 'meta'), 'dateline'), 'text')),
                '</p>',
            ))
        def t_16(fiter):
            for l_2_au in fiter:
                if environment.getattr(l_2_au, 'bio'):
                    yield l_2_au
        for l_2_au in t_16(environment.getattr(l_1_a, 'authors')):
            _loop_vars = {}
            pass
            t_15.extend((
                '<p style="note">',
                escape(environment.getattr(l_2_au, 'bio')),
                '</p>',
            ))
        l_2_au = missing
        return concat(t_15)
    context.exported_vars.add('byline')
    context.vars['byline'] = l_0_byline = Macro(environment, macro, 'byline', ('a',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_h, l_1_p):
        t_17 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        pass
        if environment.getattr(l_1_a, 'key_points'):
            pass
            t_17.extend((
                '<heading level="',
                escape(l_1_h),
                '" anchor="',
                escape(l_1_p),
                'key-points">Key points</heading>\n<box>\n<list>\n',
            ))
            for l_2_kp in environment.getattr(l_1_a, 'key_points'):
                _loop_vars = {}
                pass
                t_17.extend((
                    '<item>',
                    escape(environment.getattr(l_2_kp, 'text')),
                ))
                if environment.getattr(l_2_kp, 'trimmed'):
                    pass
                    t_17.append(
                        ' […]',
                    )
                t_17.extend((
                    ' ',
                    escape(environment.call(context, (undefined(name='cite') if l_0_cite is missing else l_0_cite), environment.getattr(l_2_kp, 'paragraph'), l_1_p, _loop_vars=_loop_vars)),
                    '</item>\n',
                ))
            l_2_kp = missing
            t_17.append(
                '</list>\n</box>\n',
            )
        return concat(t_17)
    context.exported_vars.add('key_points')
    context.vars['key_points'] = l_0_key_points = Macro(environment, macro, 'key_points', ('a', 'h', 'p'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_h, l_1_p):
        t_18 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        pass
        if environment.getattr(l_1_a, 'summary'):
            pass
            t_18.extend((
                '<heading level="',
                escape(l_1_h),
                '" anchor="',
                escape(l_1_p),
                'summary">Summary</heading>\n<p style="summary">',
                escape(environment.getattr(l_1_a, 'summary')),
                '</p>\n',
            ))
        return concat(t_18)
    context.exported_vars.add('summary')
    context.vars['summary'] = l_0_summary = Macro(environment, macro, 'summary', ('a', 'h', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_items, l_1_limit, l_1_what):
        t_19 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        if l_1_limit is missing:
            l_1_limit = undefined("parameter 'limit' was not provided", name='limit')
        if l_1_what is missing:
            l_1_what = undefined("parameter 'what' was not provided", name='what')
        pass
        if ((not t_13(l_1_limit)) and (t_5(l_1_items) > l_1_limit)):
            pass
            t_19.extend((
                '<p style="small">… and ',
                escape((t_5(l_1_items) - l_1_limit)),
                ' more ',
                escape(l_1_what),
                ' (the briefing PDF lists them all).</p>\n',
            ))
        return concat(t_19)
    context.exported_vars.add('more')
    context.vars['more'] = l_0_more = Macro(environment, macro, 'more', ('items', 'limit', 'what'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_a, l_1_h, l_1_p, l_1_compact, l_1_limit):
        t_20 = []
        l_1_quotes = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        if l_1_compact is missing:
            l_1_compact = False
        if l_1_limit is missing:
            l_1_limit = None
        pass
        l_1_quotes = t_9(environment.getattr(l_1_a, 'quotes'))
        if (undefined(name='quotes') if l_1_quotes is missing else l_1_quotes):
            pass
            t_20.extend((
                '<heading level="',
                escape(l_1_h),
                '" anchor="',
                escape(l_1_p),
                'quotations">Notable quotations</heading>\n',
            ))
            for l_2_q in (undefined(name='quotes') if l_1_quotes is missing else l_1_quotes)[:l_1_limit]:
                _loop_vars = {}
                pass
                t_20.extend((
                    '<quote attribution="',
                    escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'speaker'), l_2_q, _loop_vars=_loop_vars)),
                    ' (¶',
                    escape(environment.getattr(l_2_q, 'paragraph')),
                    ')">“',
                    escape((t_12(environment.getattr(l_2_q, 'text'), 45) if l_1_compact else environment.getattr(l_2_q, 'text'))),
                    '”</quote>\n',
                ))
            l_2_q = missing
            t_20.extend((
                escape(environment.call(context, (undefined(name='more') if l_0_more is missing else l_0_more), (undefined(name='quotes') if l_1_quotes is missing else l_1_quotes), l_1_limit, 'quotations')),
                '\n',
                escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'resolved_note'), (undefined(name='quotes') if l_1_quotes is missing else l_1_quotes)[:l_1_limit])),
                '\n',
            ))
        return concat(t_20)
    context.exported_vars.add('quotations')
    context.vars['quotations'] = l_0_quotations = Macro(environment, macro, 'quotations', ('a', 'h', 'p', 'compact', 'limit'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_h, l_1_p, l_1_limit):
        t_21 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        if l_1_limit is missing:
            l_1_limit = None
        pass
        if environment.getattr(l_1_a, 'questions'):
            pass
            t_21.extend((
                '<heading level="',
                escape(l_1_h),
                '" anchor="',
                escape(l_1_p),
                'questions">Questions raised</heading>\n<list ordered="true">\n',
            ))
            for l_2_q in environment.getattr(l_1_a, 'questions')[:l_1_limit]:
                _loop_vars = {}
                pass
                t_21.extend((
                    '<item>',
                    escape(environment.getattr(l_2_q, 'text')),
                    ' ',
                    escape(environment.call(context, (undefined(name='cite') if l_0_cite is missing else l_0_cite), environment.getattr(l_2_q, 'paragraph'), l_1_p, _loop_vars=_loop_vars)),
                    '</item>\n',
                ))
            l_2_q = missing
            t_21.extend((
                '</list>\n',
                escape(environment.call(context, (undefined(name='more') if l_0_more is missing else l_0_more), environment.getattr(l_1_a, 'questions'), l_1_limit, 'questions')),
                '\n',
            ))
        return concat(t_21)
    context.exported_vars.add('questions')
    context.vars['questions'] = l_0_questions = Macro(environment, macro, 'questions', ('a', 'h', 'p', 'limit'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_h, l_1_p, l_1_compact, l_1_limit):
        t_22 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        if l_1_compact is missing:
            l_1_compact = False
        if l_1_limit is missing:
            l_1_limit = None
        pass
        if environment.getattr(l_1_a, 'timeline'):
            pass
            t_22.extend((
                '<heading level="',
                escape(l_1_h),
                '" anchor="',
                escape(l_1_p),
                'timeline">Timeline</heading>\n<table widths="1.2,4,0.5">\n<row header="true"><cell>Date</cell><cell>Event</cell><cell>¶</cell></row>\n',
            ))
            for l_2_e in environment.getattr(l_1_a, 'timeline')[:l_1_limit]:
                _loop_vars = {}
                pass
                t_22.extend((
                    '<row><cell>',
                    escape(t_2(environment.getattr(l_2_e, 'date'))),
                    '</cell><cell>',
                    escape((t_12(environment.getattr(l_2_e, 'text'), 18) if l_1_compact else environment.getattr(l_2_e, 'text'))),
                    '</cell><cell>',
                    escape(environment.call(context, (undefined(name='cite') if l_0_cite is missing else l_0_cite), environment.getattr(l_2_e, 'paragraph'), l_1_p, True, _loop_vars=_loop_vars)),
                    '</cell></row>\n',
                ))
            l_2_e = missing
            t_22.extend((
                '</table>\n',
                escape(environment.call(context, (undefined(name='more') if l_0_more is missing else l_0_more), environment.getattr(l_1_a, 'timeline'), l_1_limit, 'dated events')),
                '\n',
            ))
        return concat(t_22)
    context.exported_vars.add('timeline')
    context.vars['timeline'] = l_0_timeline = Macro(environment, macro, 'timeline', ('a', 'h', 'p', 'compact', 'limit'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_a, l_1_h, l_1_p, l_1_compact, l_1_limit):
        t_23 = []
        l_1_listed = l_1_places = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        if l_1_compact is missing:
            l_1_compact = False
        if l_1_limit is missing:
            l_1_limit = None
        pass
        l_1_listed = t_6(context.eval_ctx, t_11(context, environment.getattr(l_1_a, 'actors'), 'kind', 'in', ['person', 'organisation', 'group']))
        l_1_places = t_6(context.eval_ctx, t_11(context, environment.getattr(l_1_a, 'actors'), 'kind', 'in', ['country', 'place']))
        if ((undefined(name='listed') if l_1_listed is missing else l_1_listed) or (undefined(name='places') if l_1_places is missing else l_1_places)):
            pass
            t_23.extend((
                '<heading level="',
                escape(l_1_h),
                '" anchor="',
                escape(l_1_p),
                'actors">Actors</heading>\n',
            ))
            if ((undefined(name='listed') if l_1_listed is missing else l_1_listed) or (not l_1_compact)):
                pass
                t_23.append(
                    '<table widths="1.6,1.0,2.5,1.1">\n<row header="true"><cell>Name</cell><cell>Kind</cell><cell>Role, or also called</cell><cell>¶</cell></row>\n',
                )
                l_2_loop = missing
                for l_2_x, l_2_loop in LoopContext(((undefined(name='listed') if l_1_listed is missing else l_1_listed) if l_1_compact else environment.call_binop(context, '+', (undefined(name='listed') if l_1_listed is missing else l_1_listed), (undefined(name='places') if l_1_places is missing else l_1_places)))[:l_1_limit], undefined):
                    l_2_shown = missing
                    _loop_vars = {}
                    pass
                    t_23.extend((
                        '<row><cell>',
                        escape(environment.getattr(l_2_x, 'name')),
                        '</cell><cell>',
                        escape(t_4(environment.getattr(l_2_x, 'kind'))),
                        '</cell><cell>',
                        escape((environment.getattr(l_2_x, 'role') or t_3(context.eval_ctx, environment.getattr(l_2_x, 'aliases'), ', '))),
                        '</cell><cell>',
                    ))
                    l_2_shown = (6 if l_1_compact else 40)
                    _loop_vars['shown'] = l_2_shown
                    l_3_loop = missing
                    for l_3_n, l_3_loop in LoopContext(environment.getattr(l_2_x, 'paragraphs')[:(undefined(name='shown') if l_2_shown is missing else l_2_shown)], undefined):
                        _loop_vars = {}
                        pass
                        t_23.append(
                            escape(environment.call(context, (undefined(name='cite') if l_0_cite is missing else l_0_cite), l_3_n, l_1_p, True, _loop_vars=_loop_vars)),
                        )
                        if (not environment.getattr(l_3_loop, 'last')):
                            pass
                            t_23.append(
                                ', ',
                            )
                    l_3_loop = l_3_n = missing
                    if (t_5(environment.getattr(l_2_x, 'paragraphs')) > (undefined(name='shown') if l_2_shown is missing else l_2_shown)):
                        pass
                        if l_1_compact:
                            pass
                            t_23.append(
                                ' …',
                            )
                        else:
                            pass
                            t_23.extend((
                                ' and ',
                                escape((t_5(environment.getattr(l_2_x, 'paragraphs')) - (undefined(name='shown') if l_2_shown is missing else l_2_shown))),
                                ' more',
                            ))
                    t_23.append(
                        '</cell></row>\n',
                    )
                l_2_loop = l_2_x = l_2_shown = missing
                t_23.extend((
                    '</table>\n',
                    escape(environment.call(context, (undefined(name='more') if l_0_more is missing else l_0_more), ((undefined(name='listed') if l_1_listed is missing else l_1_listed) if l_1_compact else environment.call_binop(context, '+', (undefined(name='listed') if l_1_listed is missing else l_1_listed), (undefined(name='places') if l_1_places is missing else l_1_places))), l_1_limit, 'actors')),
                    '\n',
                ))
            if (l_1_compact and (undefined(name='places') if l_1_places is missing else l_1_places)):
                pass
                t_23.append(
                    '<p style="small"><b>Countries and places:</b> ',
                )
                l_2_loop = missing
                for l_2_x, l_2_loop in LoopContext((undefined(name='places') if l_1_places is missing else l_1_places)[:l_1_limit], undefined):
                    _loop_vars = {}
                    pass
                    t_23.append(
                        escape(environment.getattr(l_2_x, 'name')),
                    )
                    if environment.getattr(l_2_x, 'aliases'):
                        pass
                        t_23.extend((
                            ' (',
                            escape(t_3(context.eval_ctx, environment.getattr(l_2_x, 'aliases'), ', ')),
                            ')',
                        ))
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        t_23.append(
                            '; ',
                        )
                l_2_loop = l_2_x = missing
                if ((not t_13(l_1_limit)) and (t_5((undefined(name='places') if l_1_places is missing else l_1_places)) > l_1_limit)):
                    pass
                    t_23.extend((
                        ' … and ',
                        escape((t_5((undefined(name='places') if l_1_places is missing else l_1_places)) - l_1_limit)),
                        ' more',
                    ))
                t_23.append(
                    '.</p>\n',
                )
        return concat(t_23)
    context.exported_vars.add('actors')
    context.vars['actors'] = l_0_actors = Macro(environment, macro, 'actors', ('a', 'h', 'p', 'compact', 'limit'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_h, l_1_p):
        t_24 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        pass
        if environment.getattr(l_1_a, 'figures'):
            pass
            t_24.extend((
                '<heading level="',
                escape(l_1_h),
                '" anchor="',
                escape(l_1_p),
                'figures">Figures</heading>\n<list>\n',
            ))
            for l_2_f in environment.getattr(l_1_a, 'figures'):
                _loop_vars = {}
                pass
                t_24.extend((
                    '<item>',
                    escape(environment.getattr(l_2_f, 'text')),
                    ' ',
                    escape(environment.call(context, (undefined(name='cite') if l_0_cite is missing else l_0_cite), environment.getattr(l_2_f, 'paragraph'), l_1_p, _loop_vars=_loop_vars)),
                    '</item>\n',
                ))
            l_2_f = missing
            t_24.append(
                '</list>\n',
            )
        return concat(t_24)
    context.exported_vars.add('figures')
    context.vars['figures'] = l_0_figures = Macro(environment, macro, 'figures', ('a', 'h', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_a, l_1_h, l_1_p):
        t_25 = []
        l_1_sub = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        pass
        t_25.extend((
            '<heading level="',
            escape(l_1_h),
            '" anchor="',
            escape(l_1_p),
            'full-text">Full text</heading>\n',
        ))
        l_1_sub = t_8(environment, [environment.call_binop(context, '+', l_1_h, 1), 3])
        for l_2_par in environment.getattr(l_1_a, 'paragraphs'):
            _loop_vars = {}
            pass
            def t_26(fiter):
                for l_3_hd in fiter:
                    if (environment.getattr(l_3_hd, 'paragraph') == environment.getattr(l_2_par, 'n')):
                        yield l_3_hd
            for l_3_hd in t_26(environment.getattr(l_1_a, 'headings')):
                _loop_vars = {}
                pass
                t_25.extend((
                    '<heading level="',
                    escape((undefined(name='sub') if l_1_sub is missing else l_1_sub)),
                    '" toc="false">',
                    escape(environment.getattr(l_3_hd, 'text')),
                    '</heading>\n',
                ))
            l_3_hd = missing
            t_25.extend((
                '<p style="body" number="',
                escape(environment.getattr(l_2_par, 'n')),
                '" anchor="',
                escape(l_1_p),
                'p',
                escape(environment.getattr(l_2_par, 'n')),
                '">',
            ))
            if (environment.getattr(l_2_par, 'kind') == 'quote'):
                pass
                t_25.extend((
                    '<i>',
                    escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'inline'), l_2_par, _loop_vars=_loop_vars)),
                    '</i>',
                ))
                if environment.getattr(l_2_par, 'attribution'):
                    pass
                    t_25.extend((
                        ' — ',
                        escape(environment.getattr(l_2_par, 'attribution')),
                    ))
            elif (environment.getattr(l_2_par, 'kind') == 'list_item'):
                pass
                t_25.extend((
                    '• ',
                    escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'inline'), l_2_par, _loop_vars=_loop_vars)),
                ))
            else:
                pass
                t_25.append(
                    escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'inline'), l_2_par, _loop_vars=_loop_vars)),
                )
            t_25.append(
                '</p>\n',
            )
        l_2_par = missing
        def t_27(fiter):
            for l_2_hd in fiter:
                if (environment.getattr(l_2_hd, 'paragraph') > t_5(environment.getattr(l_1_a, 'paragraphs'))):
                    yield l_2_hd
        for l_2_hd in t_27(environment.getattr(l_1_a, 'headings')):
            _loop_vars = {}
            pass
            t_25.extend((
                '<heading level="',
                escape((undefined(name='sub') if l_1_sub is missing else l_1_sub)),
                '" toc="false">',
                escape(environment.getattr(l_2_hd, 'text')),
                '</heading>\n',
            ))
        l_2_hd = missing
        return concat(t_25)
    context.exported_vars.add('full_text')
    context.vars['full_text'] = l_0_full_text = Macro(environment, macro, 'full_text', ('a', 'h', 'p'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_h, l_1_p, l_1_generated, l_1_tool):
        t_28 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_h is missing:
            l_1_h = 1
        if l_1_p is missing:
            l_1_p = ''
        if l_1_generated is missing:
            l_1_generated = ''
        if l_1_tool is missing:
            l_1_tool = None
        pass
        t_28.extend((
            '<heading level="',
            escape(l_1_h),
            '" anchor="',
            escape(l_1_p),
            'source">Source and rights</heading>\n<fields>\n',
        ))
        if t_1(environment.getattr(environment.getattr(l_1_a, 'source'), 'path')):
            pass
            t_28.extend((
                '<field name="Source file">',
                escape(environment.getattr(environment.getattr(l_1_a, 'source'), 'path')),
                '</field>',
            ))
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'publication'):
            pass
            t_28.extend((
                '<field name="Publication">',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'publication')),
            ))
            if ('publication' in environment.getattr(environment.getattr(l_1_a, 'meta'), 'inferred')):
                pass
                t_28.append(
                    ' (from the rights line)',
                )
            t_28.append(
                '</field>',
            )
        if ((not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume'))) or (not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue')))):
            pass
            t_28.extend((
                '<field name="Volume / issue">',
                escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume') if (not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume'))) else '–')),
                ' / ',
                escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue') if (not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue'))) else '–')),
                '</field>',
            ))
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'date'):
            pass
            t_28.extend((
                '<field name="Date">',
                escape(t_2(environment.getattr(environment.getattr(l_1_a, 'meta'), 'date'))),
                '</field>',
            ))
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'url'):
            pass
            t_28.extend((
                '<field name="Address"><a href="',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'url')),
                '">',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'url')),
                '</a></field>',
            ))
        t_28.extend((
            '<field name="Title">',
            escape(environment.getattr(l_1_a, 'title')),
        ))
        if environment.getattr(l_1_a, 'title_inferred'):
            pass
            t_28.append(
                ' (inferred: the source has no title)',
            )
        t_28.append(
            '</field>\n',
        )
        for l_2_c in environment.getattr(environment.getattr(l_1_a, 'meta'), 'credits'):
            _loop_vars = {}
            pass
            t_28.extend((
                '<field name="Credits">',
                escape(l_2_c),
                '</field>',
            ))
        l_2_c = missing
        for l_2_n in environment.getattr(environment.getattr(l_1_a, 'meta'), 'notes'):
            _loop_vars = {}
            pass
            t_28.extend((
                '<field name="Note">',
                escape(l_2_n),
                '</field>',
            ))
        l_2_n = missing
        t_28.extend((
            '<field name="Rights">',
            escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'rights') or 'No rights statement in the source')),
            '</field>\n',
        ))
        if l_1_tool:
            pass
            t_28.extend((
                '<field name="Prepared">',
                escape(l_1_generated),
                ' by ',
                escape(environment.getattr(l_1_tool, 'name')),
                ' ',
                escape(environment.getattr(l_1_tool, 'version')),
                '</field>',
            ))
        t_28.append(
            '</fields>',
        )
        return concat(t_28)
    context.exported_vars.add('source')
    context.vars['source'] = l_0_source = Macro(environment, macro, 'source', ('a', 'h', 'p', 'generated', 'tool'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_a):
        t_29 = []
        l_1_named = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        t_29.append(
            '<fields>\n',
        )
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'publication'):
            pass
            t_29.extend((
                '<field name="Publication">',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'publication')),
                '</field>',
            ))
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'date'):
            pass
            t_29.extend((
                '<field name="Date">',
                escape(t_2(environment.getattr(environment.getattr(l_1_a, 'meta'), 'date'))),
                '</field>',
            ))
        if ((not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume'))) or (not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue')))):
            pass
            t_29.extend((
                '<field name="Volume / issue">',
                escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume') if (not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume'))) else '–')),
                ' / ',
                escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue') if (not t_13(environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue'))) else '–')),
                '</field>',
            ))
        l_1_named = t_6(context.eval_ctx, t_10(context, t_7(context, environment.getattr(l_1_a, 'authors'), attribute='name')))
        t_29.extend((
            '<field name="Author">',
            escape((t_3(context.eval_ctx, (undefined(name='named') if l_1_named is missing else l_1_named), ', ') if (undefined(name='named') if l_1_named is missing else l_1_named) else 'Not named in the source')),
            '</field>\n',
        ))
        def t_30(fiter):
            for l_2_au in fiter:
                if environment.getattr(l_2_au, 'bio'):
                    yield l_2_au
        for l_2_au in t_30(environment.getattr(l_1_a, 'authors')):
            _loop_vars = {}
            pass
            t_29.extend((
                '<field name="About the author">',
                escape(environment.getattr(l_2_au, 'bio')),
                '</field>',
            ))
        l_2_au = missing
        if environment.getattr(l_1_a, 'keywords'):
            pass
            t_29.extend((
                '<field name="Keywords">',
                escape(t_3(context.eval_ctx, environment.getattr(l_1_a, 'keywords'), ', ')),
                '</field>',
            ))
        t_29.extend((
            '<field name="Source">',
            escape((environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'source_line'), l_1_a) if (environment.getattr(environment.getattr(l_1_a, 'meta'), 'url') or (not t_1(environment.getattr(environment.getattr(l_1_a, 'source'), 'path')))) else environment.getattr(environment.getattr(l_1_a, 'source'), 'path'))),
            ' (',
            escape(t_5(environment.getattr(l_1_a, 'paragraphs'))),
            ' paragraphs)</field>\n</fields>',
        ))
        return concat(t_29)
    context.exported_vars.add('key_facts')
    context.vars['key_facts'] = l_0_key_facts = Macro(environment, macro, 'key_facts', ('a',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=90&7=92&8=103&11=125&12=131&13=132&14=139&15=146&18=163&19=172&20=176&23=181&24=186&31=206&32=215&33=219&34=223&39=229&40=238&41=242&47=250&48=264&49=265&50=269&51=274&52=279&54=288&55=290&59=297&60=308&61=312&63=317&64=322&67=330&71=337&72=350&73=354&76=359&77=364&80=374&86=380&87=394&88=395&89=396&90=400&91=405&94=411&95=417&98=459&100=462&101=468&106=501&107=510&108=514&110=519&111=524&118=536&119=548&120=553&121=554&122=557&123=566&125=574&127=609&128=618&132=628&133=643&135=648&136=655&137=669&138=678&139=685&140=696&141=706&142=715&143=726&144=729&149=746&151=755&152=762&153=769&154=778&155=781&156=784&157=797&158=806'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
