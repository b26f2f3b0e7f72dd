from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_slides.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_m = l_0_title_slide = l_0_key_points = l_0_background = l_0_timeline = l_0_actors = l_0_quotations = l_0_questions = l_0_source = missing
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
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_7 = environment.filters['notable']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'notable' found.")
    try:
        t_8 = environment.filters['paragraph_list']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'paragraph_list' found.")
    try:
        t_9 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_10 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_11 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    try:
        t_12 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', '_slides.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield '\n'
    def macro(l_1_a):
        t_13 = []
        l_1_named = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        t_13.extend((
            '<slide title="',
            escape(environment.getattr(l_1_a, 'title')),
            '" layout="title">\n<p style="subtitle">',
            escape((environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'issue_line'), environment.getattr(l_1_a, 'meta')) or 'Briefing')),
            '</p>\n',
        ))
        l_1_named = t_5(context.eval_ctx, t_9(context, t_6(context, environment.getattr(l_1_a, 'authors'), attribute='name')))
        if (undefined(name='named') if l_1_named is missing else l_1_named):
            pass
            t_13.extend((
                '<p style="meta">By ',
                escape(t_3(context.eval_ctx, (undefined(name='named') if l_1_named is missing else l_1_named), ', ')),
                '</p>',
            ))
        t_13.extend((
            '<notes>',
            escape((environment.getattr(l_1_a, 'summary') or t_11(environment.getattr(environment.getitem(environment.getattr(l_1_a, 'paragraphs'), 0), 'text'), 60))),
        ))
        def t_14(fiter):
            for l_2_au in fiter:
                if environment.getattr(l_2_au, 'bio'):
                    yield l_2_au
        for l_2_au in t_14(environment.getattr(l_1_a, 'authors')):
            _loop_vars = {}
            pass
            t_13.extend((
                '<br/>',
                escape(environment.getattr(l_2_au, 'bio')),
            ))
        l_2_au = missing
        t_13.append(
            '</notes>\n</slide>',
        )
        return concat(t_13)
    context.exported_vars.add('title_slide')
    context.vars['title_slide'] = l_0_title_slide = Macro(environment, macro, 'title_slide', ('a',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a):
        t_15 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        if environment.getattr(l_1_a, 'key_points'):
            pass
            t_15.append(
                '<slide title="Key points">\n<list>\n',
            )
            for l_2_kp in environment.getattr(l_1_a, 'key_points'):
                _loop_vars = {}
                pass
                t_15.extend((
                    '<item ref="',
                    escape(environment.getattr(l_2_kp, 'paragraph')),
                    '">',
                    escape(t_11(environment.getattr(l_2_kp, 'text'), 30)),
                    '</item>\n',
                ))
            l_2_kp = missing
            t_15.append(
                '</list>\n<notes>',
            )
            l_2_loop = missing
            for l_2_kp, l_2_loop in LoopContext(environment.getattr(l_1_a, 'key_points'), undefined):
                _loop_vars = {}
                pass
                t_15.extend((
                    '¶',
                    escape(environment.getattr(l_2_kp, 'paragraph')),
                    ': ',
                    escape(t_11(environment.getattr(environment.getitem(environment.getattr(l_1_a, 'paragraphs'), (environment.getattr(l_2_kp, 'paragraph') - 1)), 'text'), 45)),
                ))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_15.append(
                        '<br/>',
                    )
            l_2_loop = l_2_kp = missing
            t_15.append(
                '</notes>\n</slide>\n',
            )
        return concat(t_15)
    context.exported_vars.add('key_points')
    context.vars['key_points'] = l_0_key_points = Macro(environment, macro, 'key_points', ('a',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a):
        t_16 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        t_16.extend((
            '<slide title="Background"><p>',
            escape(t_11(environment.getattr(environment.getitem(environment.getattr(l_1_a, 'paragraphs'), 0), 'text'), 70)),
            '</p>\n<notes>',
        ))
        l_2_loop = missing
        for l_2_par, l_2_loop in LoopContext(environment.getattr(l_1_a, 'paragraphs')[:3], undefined):
            _loop_vars = {}
            pass
            t_16.extend((
                '¶',
                escape(environment.getattr(l_2_par, 'n')),
                ': ',
                escape(t_11(environment.getattr(l_2_par, 'text'), 45)),
            ))
            if (not environment.getattr(l_2_loop, 'last')):
                pass
                t_16.append(
                    '<br/>',
                )
        l_2_loop = l_2_par = missing
        t_16.append(
            '</notes>\n</slide>',
        )
        return concat(t_16)
    context.exported_vars.add('background')
    context.vars['background'] = l_0_background = Macro(environment, macro, 'background', ('a',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a):
        t_17 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        if environment.getattr(l_1_a, 'timeline'):
            pass
            t_17.append(
                '<slide title="Timeline">\n<table widths="1.1,4">\n<row header="true"><cell>Date</cell><cell>Event</cell></row>\n',
            )
            for l_2_e in environment.getattr(l_1_a, 'timeline'):
                _loop_vars = {}
                pass
                t_17.extend((
                    '<row><cell>',
                    escape(t_2(environment.getattr(l_2_e, 'date'))),
                    '</cell><cell>',
                    escape(t_11(environment.getattr(l_2_e, 'text'), 13)),
                    ' (¶',
                    escape(environment.getattr(l_2_e, 'paragraph')),
                    ')</cell></row>\n',
                ))
            l_2_e = missing
            t_17.append(
                '</table>\n<notes>',
            )
            l_2_loop = missing
            for l_2_e, l_2_loop in LoopContext(environment.getattr(l_1_a, 'timeline'), undefined):
                _loop_vars = {}
                pass
                t_17.extend((
                    escape(t_2(environment.getattr(l_2_e, 'date'))),
                    ' (¶',
                    escape(environment.getattr(l_2_e, 'paragraph')),
                    '): ',
                    escape(environment.getattr(l_2_e, 'text')),
                ))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_17.append(
                        '<br/>',
                    )
            l_2_loop = l_2_e = missing
            t_17.append(
                '</notes>\n</slide>\n',
            )
        return concat(t_17)
    context.exported_vars.add('timeline')
    context.vars['timeline'] = l_0_timeline = Macro(environment, macro, 'timeline', ('a',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a):
        t_18 = []
        l_1_people = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        l_1_people = t_5(context.eval_ctx, t_10(context, environment.getattr(l_1_a, 'actors'), 'kind', 'in', ['person', 'organisation', 'group']))
        if (undefined(name='people') if l_1_people is missing else l_1_people):
            pass
            t_18.append(
                '<slide title="Actors">\n<list>\n',
            )
            for l_2_x in (undefined(name='people') if l_1_people is missing else l_1_people)[:8]:
                _loop_vars = {}
                pass
                t_18.extend((
                    '<item ref="',
                    escape((environment.getitem(environment.getattr(l_2_x, 'paragraphs'), 0) if environment.getattr(l_2_x, 'paragraphs') else '')),
                    '"><b>',
                    escape(environment.getattr(l_2_x, 'name')),
                    '</b>',
                ))
                if environment.getattr(l_2_x, 'role'):
                    pass
                    t_18.extend((
                        ' — ',
                        escape(environment.getattr(l_2_x, 'role')),
                    ))
                t_18.append(
                    '</item>\n',
                )
            l_2_x = missing
            t_18.append(
                '</list>\n<notes>',
            )
            l_2_loop = missing
            for l_2_x, l_2_loop in LoopContext(environment.getattr(l_1_a, 'actors'), undefined):
                _loop_vars = {}
                pass
                t_18.extend((
                    escape(environment.getattr(l_2_x, 'name')),
                    ' (',
                    escape(environment.getattr(l_2_x, 'kind')),
                ))
                if environment.getattr(l_2_x, 'role'):
                    pass
                    t_18.extend((
                        ', ',
                        escape(environment.getattr(l_2_x, 'role')),
                    ))
                if environment.getattr(l_2_x, 'aliases'):
                    pass
                    t_18.extend((
                        '; also ',
                        escape(t_3(context.eval_ctx, environment.getattr(l_2_x, 'aliases'), ', ')),
                    ))
                t_18.extend((
                    '): ¶ ',
                    escape(t_8(environment.getattr(l_2_x, 'paragraphs'))),
                ))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_18.append(
                        '<br/>',
                    )
            l_2_loop = l_2_x = missing
            t_18.append(
                '</notes>\n</slide>\n',
            )
        return concat(t_18)
    context.exported_vars.add('actors')
    context.vars['actors'] = l_0_actors = Macro(environment, macro, 'actors', ('a',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_most):
        t_19 = []
        l_1_shown = missing
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_most is missing:
            l_1_most = 3
        pass
        l_1_shown = t_7(environment.getattr(l_1_a, 'quotes'))[:l_1_most]
        l_2_loop = missing
        for l_2_q, l_2_loop in LoopContext((undefined(name='shown') if l_1_shown is missing else l_1_shown), undefined):
            _loop_vars = {}
            pass
            t_19.append(
                '<slide title="In their words',
            )
            if (t_4((undefined(name='shown') if l_1_shown is missing else l_1_shown)) > 1):
                pass
                t_19.extend((
                    ' (',
                    escape(environment.getattr(l_2_loop, 'index')),
                    '/',
                    escape(t_4((undefined(name='shown') if l_1_shown is missing else l_1_shown))),
                    ')',
                ))
            t_19.extend((
                '">\n<quote attribution="',
                escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'speaker'), l_2_q, _loop_vars=_loop_vars)),
                '" ref="',
                escape(environment.getattr(l_2_q, 'paragraph')),
                '">“',
                escape(t_11(environment.getattr(l_2_q, 'text'), 70)),
                '”</quote>\n<notes>¶',
                escape(environment.getattr(l_2_q, 'paragraph')),
                ': ',
                escape(t_11(environment.getattr(environment.getitem(environment.getattr(l_1_a, 'paragraphs'), (environment.getattr(l_2_q, 'paragraph') - 1)), 'text'), 80)),
            ))
            if (environment.getattr(l_2_q, 'attribution') == 'resolved'):
                pass
                t_19.append(
                    '<br/>† The speaker is inferred from the context (a pronoun, a surname or an earlier paragraph), not named at the quotation.',
                )
            t_19.append(
                '</notes>\n</slide>\n',
            )
        l_2_loop = l_2_q = missing
        return concat(t_19)
    context.exported_vars.add('quotations')
    context.vars['quotations'] = l_0_quotations = Macro(environment, macro, 'quotations', ('a', 'most'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a):
        t_20 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        if environment.getattr(l_1_a, 'questions'):
            pass
            t_20.append(
                '<slide title="Questions raised">\n<list ordered="true">\n',
            )
            for l_2_q in environment.getattr(l_1_a, 'questions'):
                _loop_vars = {}
                pass
                t_20.extend((
                    '<item ref="',
                    escape(environment.getattr(l_2_q, 'paragraph')),
                    '">',
                    escape(environment.getattr(l_2_q, 'text')),
                    '</item>\n',
                ))
            l_2_q = missing
            t_20.append(
                '</list>\n<notes>',
            )
            l_2_loop = missing
            for l_2_q, l_2_loop in LoopContext(environment.getattr(l_1_a, 'questions'), undefined):
                _loop_vars = {}
                pass
                t_20.extend((
                    '¶',
                    escape(environment.getattr(l_2_q, 'paragraph')),
                    ': ',
                    escape(environment.getattr(l_2_q, 'text')),
                ))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_20.append(
                        '<br/>',
                    )
            l_2_loop = l_2_q = missing
            t_20.append(
                '</notes>\n</slide>\n',
            )
        return concat(t_20)
    context.exported_vars.add('questions')
    context.vars['questions'] = l_0_questions = Macro(environment, macro, 'questions', ('a',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_a, l_1_generated, l_1_tool):
        t_21 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        if l_1_generated is missing:
            l_1_generated = undefined("parameter 'generated' was not provided", name='generated')
        if l_1_tool is missing:
            l_1_tool = undefined("parameter 'tool' was not provided", name='tool')
        pass
        t_21.append(
            '<slide title="Source">\n<fields>\n',
        )
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'publication'):
            pass
            t_21.extend((
                '<field name="Publication">',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'publication')),
                '</field>',
            ))
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'date'):
            pass
            t_21.extend((
                '<field name="Date">',
                escape(t_2(environment.getattr(environment.getattr(l_1_a, 'meta'), 'date'))),
                '</field>',
            ))
        if ((not t_12(environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume'))) or (not t_12(environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue')))):
            pass
            t_21.extend((
                '<field name="Volume / issue">',
                escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume') if (not t_12(environment.getattr(environment.getattr(l_1_a, 'meta'), 'volume'))) else '–')),
                ' / ',
                escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue') if (not t_12(environment.getattr(environment.getattr(l_1_a, 'meta'), 'issue'))) else '–')),
                '</field>',
            ))
        t_21.extend((
            '<field name="Rights">',
            escape((environment.getattr(environment.getattr(l_1_a, 'meta'), 'rights') or 'No rights statement in the source')),
            '</field>\n',
        ))
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'url'):
            pass
            t_21.extend((
                '<field name="Address">',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'url')),
                '</field>',
            ))
        elif t_1(environment.getattr(environment.getattr(l_1_a, 'source'), 'path')):
            pass
            t_21.extend((
                '<field name="File">',
                escape(environment.getattr(environment.getattr(l_1_a, 'source'), 'path')),
                '</field>',
            ))
        t_21.extend((
            '</fields>\n<notes>Prepared ',
            escape(l_1_generated),
            ' by ',
            escape(environment.getattr(l_1_tool, 'name')),
            ' ',
            escape(environment.getattr(l_1_tool, 'version')),
            ' from ',
            escape(((environment.getattr(environment.getattr(l_1_a, 'meta'), 'url') or t_1(environment.getattr(environment.getattr(l_1_a, 'source'), 'path'))) or 'its source')),
            ' (',
            escape(t_4(environment.getattr(l_1_a, 'paragraphs'))),
            ' paragraphs).',
        ))
        if environment.getattr(l_1_a, 'title_inferred'):
            pass
            t_21.append(
                ' The title was inferred; the source has none.',
            )
        t_21.append(
            '</notes>\n</slide>',
        )
        return concat(t_21)
    context.exported_vars.add('source')
    context.vars['source'] = l_0_source = Macro(environment, macro, 'source', ('a', 'generated', 'tool'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=84&5=87&6=95&7=97&8=100&9=101&10=110&14=131&15=136&18=141&19=146&22=156&27=178&30=185&31=189&35=211&36=216&40=221&41=226&44=238&49=261&50=267&51=268&54=273&55=278&58=297&63=334&64=342&65=344&66=350&67=361&68=367&73=384&74=389&77=394&78=399&81=409&86=431&89=443&90=450&91=457&92=468&93=471&95=487'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
