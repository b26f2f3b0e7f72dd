from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_inline = l_0_cite = l_0_issue_line = l_0_source_line = l_0_speaker = l_0_resolved_note = l_0_overview = missing
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
        t_4 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_5 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_6 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    try:
        t_7 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_par):
        t_8 = []
        if l_1_par is missing:
            l_1_par = undefined("parameter 'par' was not provided", name='par')
        pass
        if environment.getattr(l_1_par, 'spans'):
            pass
            for l_2_s in environment.getattr(l_1_par, 'spans'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_s, 'href'):
                    pass
                    t_8.extend((
                        '<a href="',
                        escape(environment.getattr(l_2_s, 'href')),
                        '">',
                    ))
                if environment.getattr(l_2_s, 'strong'):
                    pass
                    t_8.append(
                        '<b>',
                    )
                if environment.getattr(l_2_s, 'emphasis'):
                    pass
                    t_8.append(
                        '<i>',
                    )
                t_8.append(
                    escape(environment.getattr(l_2_s, 'text')),
                )
                if environment.getattr(l_2_s, 'emphasis'):
                    pass
                    t_8.append(
                        '</i>',
                    )
                if environment.getattr(l_2_s, 'strong'):
                    pass
                    t_8.append(
                        '</b>',
                    )
                if environment.getattr(l_2_s, 'href'):
                    pass
                    t_8.append(
                        '</a>',
                    )
            l_2_s = missing
        else:
            pass
            t_8.append(
                escape(environment.getattr(l_1_par, 'text')),
            )
        return concat(t_8)
    context.exported_vars.add('inline')
    context.vars['inline'] = l_0_inline = Macro(environment, macro, 'inline', ('par',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_n):
        t_9 = []
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        pass
        t_9.extend((
            '<ref n="',
            escape(l_1_n),
            '">¶',
            escape(l_1_n),
            '</ref>',
        ))
        return concat(t_9)
    context.exported_vars.add('cite')
    context.vars['cite'] = l_0_cite = Macro(environment, macro, 'cite', ('n',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_meta):
        t_10 = []
        l_1_parts = missing
        if l_1_meta is missing:
            l_1_meta = undefined("parameter 'meta' was not provided", name='meta')
        pass
        l_1_parts = []
        if environment.getattr(l_1_meta, 'publication'):
            pass
            l_1_parts = environment.call_binop(context, '+', (undefined(name='parts') if l_1_parts is missing else l_1_parts), [environment.getattr(l_1_meta, 'publication')])
        if (not t_7(environment.getattr(l_1_meta, 'volume'))):
            pass
            l_1_parts = environment.call_binop(context, '+', (undefined(name='parts') if l_1_parts is missing else l_1_parts), [markup_join(('Volume ', environment.getattr(l_1_meta, 'volume'), ))])
        if (not t_7(environment.getattr(l_1_meta, 'issue'))):
            pass
            l_1_parts = environment.call_binop(context, '+', (undefined(name='parts') if l_1_parts is missing else l_1_parts), [markup_join(('Issue ', environment.getattr(l_1_meta, 'issue'), ))])
        if environment.getattr(l_1_meta, 'date'):
            pass
            l_1_parts = environment.call_binop(context, '+', (undefined(name='parts') if l_1_parts is missing else l_1_parts), [t_2(environment.getattr(l_1_meta, 'date'))])
        t_10.append(
            escape(t_3(context.eval_ctx, (undefined(name='parts') if l_1_parts is missing else l_1_parts), ' · ')),
        )
        return concat(t_10)
    context.exported_vars.add('issue_line')
    context.vars['issue_line'] = l_0_issue_line = Macro(environment, macro, 'issue_line', ('meta',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_a):
        t_11 = []
        if l_1_a is missing:
            l_1_a = undefined("parameter 'a' was not provided", name='a')
        pass
        if environment.getattr(environment.getattr(l_1_a, 'meta'), 'url'):
            pass
            t_11.extend((
                '<a href="',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'url')),
                '">',
                escape(environment.getattr(environment.getattr(l_1_a, 'meta'), 'url')),
                '</a>',
            ))
        else:
            pass
            t_11.append(
                escape((environment.call(context, (undefined(name='issue_line') if l_0_issue_line is missing else l_0_issue_line), environment.getattr(l_1_a, 'meta')) or t_1(environment.getattr(environment.getattr(l_1_a, 'source'), 'path')))),
            )
        return concat(t_11)
    context.exported_vars.add('source_line')
    context.vars['source_line'] = l_0_source_line = Macro(environment, macro, 'source_line', ('a',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_q):
        t_12 = []
        if l_1_q is missing:
            l_1_q = undefined("parameter 'q' was not provided", name='q')
        pass
        t_12.append(
            escape((environment.getattr(l_1_q, 'speaker') or 'Unattributed')),
        )
        if (environment.getattr(l_1_q, 'attribution') == 'resolved'):
            pass
            t_12.append(
                '†',
            )
        if environment.getattr(l_1_q, 'speaker_role'):
            pass
            t_12.extend((
                ', ',
                escape(environment.getattr(l_1_q, 'speaker_role')),
            ))
        return concat(t_12)
    context.exported_vars.add('speaker')
    context.vars['speaker'] = l_0_speaker = Macro(environment, macro, 'speaker', ('q',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_quotes):
        t_13 = []
        if l_1_quotes is missing:
            l_1_quotes = undefined("parameter 'quotes' was not provided", name='quotes')
        pass
        if t_4(context.eval_ctx, t_5(context, l_1_quotes, 'attribution', 'equalto', 'resolved')):
            pass
            t_13.append(
                '<p style="small">† Speaker inferred from the context (a pronoun, a surname or an earlier paragraph), not named at the quotation.</p>\n',
            )
        return concat(t_13)
    context.exported_vars.add('resolved_note')
    context.vars['resolved_note'] = l_0_resolved_note = Macro(environment, macro, 'resolved_note', ('quotes',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_o, l_1_articles_count, l_1_to_articles):
        t_14 = []
        if l_1_o is missing:
            l_1_o = undefined("parameter 'o' was not provided", name='o')
        if l_1_articles_count is missing:
            l_1_articles_count = undefined("parameter 'articles_count' was not provided", name='articles_count')
        if l_1_to_articles is missing:
            l_1_to_articles = False
        pass
        t_14.append(
            '<heading level="1" anchor="overview">Overview</heading>\n',
        )
        if environment.getattr(l_1_o, 'developments'):
            pass
            t_14.append(
                '<heading level="2" toc="false">Main developments</heading>\n<list>\n',
            )
            for l_2_d in environment.getattr(l_1_o, 'developments'):
                _loop_vars = {}
                pass
                t_14.extend((
                    '<item>',
                    escape(environment.getattr(l_2_d, 'text')),
                    ' (<ref n="',
                    escape(environment.getattr(l_2_d, 'paragraph')),
                    '" target="',
                    escape((environment.getattr(l_2_d, 'anchor') if l_1_to_articles else environment.getattr(l_2_d, 'target'))),
                    '">No. ',
                    escape(environment.getattr(l_2_d, 'article')),
                    ', ¶',
                    escape(environment.getattr(l_2_d, 'paragraph')),
                    '</ref>',
                ))
                if (environment.getattr(l_2_d, 'reports') > 1):
                    pass
                    t_14.extend((
                        '; ',
                        escape(environment.getattr(l_2_d, 'reports')),
                        ' reports',
                    ))
                t_14.append(
                    ')</item>\n',
                )
            l_2_d = missing
            t_14.append(
                '</list>\n',
            )
        if environment.getattr(l_1_o, 'timeline'):
            pass
            t_14.append(
                '<heading level="2" toc="false">Timeline across the pack</heading>\n<table widths="1.2,3.6,1.4">\n<row header="true"><cell>Date</cell><cell>Event</cell><cell>Reported in</cell></row>\n',
            )
            l_2_loop = missing
            for l_2_e, l_2_loop in LoopContext(environment.getattr(l_1_o, 'timeline'), undefined):
                _loop_vars = {}
                pass
                t_14.extend((
                    '<row><cell>',
                    escape(t_2(environment.getattr(l_2_e, 'date'))),
                    '</cell><cell>',
                    escape(t_6(environment.getattr(l_2_e, 'text'), 30)),
                    '</cell><cell>',
                ))
                l_3_loop = missing
                for l_3_r, l_3_loop in LoopContext(environment.getattr(l_2_e, 'reports'), undefined):
                    _loop_vars = {}
                    pass
                    t_14.extend((
                        '<ref n="',
                        escape(environment.getattr(l_3_r, 'paragraph')),
                        '" target="',
                        escape((environment.getattr(l_3_r, 'anchor') if l_1_to_articles else environment.getattr(l_3_r, 'target'))),
                        '">No. ',
                        escape(environment.getattr(l_3_r, 'article')),
                        ', ¶',
                        escape(environment.getattr(l_3_r, 'paragraph')),
                        '</ref>',
                    ))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        t_14.append(
                            '; ',
                        )
                l_3_loop = l_3_r = missing
                t_14.append(
                    '</cell></row>\n',
                )
            l_2_loop = l_2_e = missing
            t_14.append(
                '</table>\n',
            )
        if environment.getattr(l_1_o, 'actors'):
            pass
            t_14.append(
                '<heading level="2" toc="false">Named in most articles</heading>\n<p>',
            )
            l_2_loop = missing
            for l_2_x, l_2_loop in LoopContext(environment.getattr(l_1_o, 'actors'), undefined):
                _loop_vars = {}
                pass
                t_14.extend((
                    escape(environment.getattr(l_2_x, 'name')),
                    ' (',
                    escape(environment.getattr(l_2_x, 'articles')),
                    ' of ',
                    escape(l_1_articles_count),
                    ')',
                ))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_14.append(
                        '; ',
                    )
            l_2_loop = l_2_x = missing
            t_14.append(
                '</p>\n',
            )
        return concat(t_14)
    context.exported_vars.add('overview')
    context.vars['overview'] = l_0_overview = Macro(environment, macro, 'overview', ('o', 'articles_count', 'to_articles'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '5=54&6=59&10=108&11=115&15=123&16=129&17=130&18=133&19=136&20=139&21=143&26=148&27=153&33=170&34=176&38=192&39=197&47=205&49=217&52=222&53=227&57=252&61=258&62=263&66=296&68=302'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
