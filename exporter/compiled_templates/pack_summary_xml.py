from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pack-summary.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pack = resolve('pack')
    l_0_tool = resolve('tool')
    l_0_articles = resolve('articles')
    l_0_m = l_0_b = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['running_head']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'running_head' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', 'pack-summary.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_b = context.vars['b'] = environment.get_template('_briefing.xml.j2', 'pack-summary.xml.j2')._get_default_module(context)
    context.exported_vars.discard('b')
    yield '<document kind="pack-summary" title="'
    yield escape(environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'title'))
    yield '" author="'
    yield escape(environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'name'))
    yield '" subject="Briefing pack of '
    yield escape(t_2((undefined(name='articles') if l_0_articles is missing else l_0_articles)))
    yield ' article(s)" keywords="'
    yield escape(t_1(context.eval_ctx, t_3(context, (undefined(name='articles') if l_0_articles is missing else l_0_articles), attribute='title'), '; '))
    yield '" header="'
    yield escape(t_4(environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'title')))
    yield '" lang="en">\n'
    yield from context.blocks['cover'][0](context)
    yield from context.blocks['contents'][0](context)
    yield from context.blocks['overview'][0](context)
    yield from context.blocks['articles'][0](context)
    yield '</document>\n'

def block_cover(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_pack = resolve('pack')
    l_0_generated = resolve('generated')
    l_0_options = resolve('options')
    l_0_articles = resolve('articles')
    l_0_failed = resolve('failed')
    try:
        t_5 = environment.filters['human_date']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'human_date' found.")
    pass
    yield '<p style="title">'
    yield escape(environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'title'))
    yield '</p>\n'
    if environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'subtitle'):
        pass
        yield '<p style="subtitle">'
        yield escape(environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'subtitle'))
        yield '</p>'
    if environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'organisation'):
        pass
        yield '<p style="meta">'
        yield escape(environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'organisation'))
        yield '</p>'
    if environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'meeting'):
        pass
        yield '<p style="meta">For the meeting of '
        yield escape(t_5(environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'meeting')))
        yield '</p>'
    yield '<p style="subtitle">Briefing pack prepared '
    yield escape((undefined(name='generated') if l_0_generated is missing else l_0_generated))
    yield '</p>\n'
    if environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'classification'):
        pass
        yield '<p style="meta"><b>'
        yield escape(environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'classification'))
        yield '</b></p>'
    yield '<list ordered="true">\n'
    for l_1_a in (undefined(name='articles') if l_0_articles is missing else l_0_articles):
        l_1_m = resolve('m')
        l_1_where = missing
        _loop_vars = {}
        pass
        yield '<item>'
        yield escape(environment.getattr(l_1_a, 'title'))
        l_1_where = environment.call(context, environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'source_line'), l_1_a, _loop_vars=_loop_vars)
        _loop_vars['where'] = l_1_where
        if (undefined(name='where') if l_1_where is missing else l_1_where):
            pass
            yield ' — '
            yield escape((undefined(name='where') if l_1_where is missing else l_1_where))
        yield '</item>\n'
    l_1_a = l_1_m = l_1_where = missing
    yield '</list>\n'
    if (undefined(name='failed') if l_0_failed is missing else l_0_failed):
        pass
        yield '<p style="note">Not included: '
        l_1_loop = missing
        for l_1_f, l_1_loop in LoopContext((undefined(name='failed') if l_0_failed is missing else l_0_failed), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getattr(l_1_f, 'source'))
            yield ' ('
            yield escape(environment.getattr(l_1_f, 'error'))
            yield ')'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '; '
        l_1_loop = l_1_f = missing
        yield '</p>\n'

def block_contents(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_articles = resolve('articles')
    l_0_groups = resolve('groups')
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_7 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield '<pagebreak/>\n<toc title="Contents" depth="'
    yield escape((2 if ((t_2((undefined(name='articles') if l_0_articles is missing else l_0_articles)) <= 6) or t_6(context.eval_ctx, t_7(context, (undefined(name='groups') if l_0_groups is missing else l_0_groups), 'heading'))) else 1))
    yield '"/>\n'

def block_overview(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_m = resolve('m')
    l_0_overview = resolve('overview')
    l_0_articles = resolve('articles')
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<pagebreak/>\n'
    yield escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overview'), (undefined(name='overview') if l_0_overview is missing else l_0_overview), t_2((undefined(name='articles') if l_0_articles is missing else l_0_articles)), True, _block_vars=_block_vars))
    yield '\n'

def block_articles(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_groups = resolve('groups')
    pass
    l_1_loop = missing
    for l_1_g, l_1_loop in LoopContext((undefined(name='groups') if l_0_groups is missing else l_0_groups), undefined):
        l_1_h = missing
        _loop_vars = {}
        pass
        l_1_h = (2 if environment.getattr(l_1_g, 'heading') else 1)
        _loop_vars['h'] = l_1_h
        if environment.getattr(l_1_g, 'heading'):
            pass
            yield '<pagebreak/>\n<heading level="1" anchor="'
            yield escape(environment.getattr(l_1_g, 'anchor'))
            yield '">'
            yield escape(environment.getattr(l_1_g, 'heading'))
            yield '</heading>\n'
        l_2_loop = missing
        for l_2_n, l_2_loop in LoopContext(environment.getattr(l_1_g, 'numbers'), undefined):
            l_2_articles = resolve('articles')
            l_2_m = resolve('m')
            l_2_b = resolve('b')
            l_2_a = l_2_line = missing
            _loop_vars = {}
            pass
            l_2_a = environment.getitem((undefined(name='articles') if l_2_articles is missing else l_2_articles), (l_2_n - 1))
            _loop_vars['a'] = l_2_a
            if (not (environment.getattr(l_1_g, 'heading') and environment.getattr(l_2_loop, 'first'))):
                pass
                yield '<pagebreak/>'
            yield '<heading level="'
            yield escape((undefined(name='h') if l_1_h is missing else l_1_h))
            yield '" anchor="'
            yield escape(environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'anchor'))
            yield '">'
            yield escape(environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'title'))
            yield '</heading>\n'
            l_2_line = environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'issue_line'), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'meta'), _loop_vars=_loop_vars)
            _loop_vars['line'] = l_2_line
            if (undefined(name='line') if l_2_line is missing else l_2_line):
                pass
                yield '<p style="meta">'
                yield escape((undefined(name='line') if l_2_line is missing else l_2_line))
                yield '</p>'
            if (environment.getattr(environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'meta'), 'url') or (not (undefined(name='line') if l_2_line is missing else l_2_line))):
                pass
                yield '<p style="meta">'
                yield escape(environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'source_line'), (undefined(name='a') if l_2_a is missing else l_2_a), _loop_vars=_loop_vars))
                yield '</p>'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'key_facts'), (undefined(name='a') if l_2_a is missing else l_2_a), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'key_points'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'summary'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'quotations'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), True, _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'questions'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'timeline'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), True, _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'actors'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), True, _loop_vars=_loop_vars))
            yield '\n'
        l_2_loop = l_2_n = l_2_articles = l_2_a = l_2_m = l_2_line = l_2_b = missing
    l_1_loop = l_1_g = l_1_h = missing

blocks = {'cover': block_cover, 'contents': block_contents, 'overview': block_overview, 'articles': block_articles}
debug_info = '2=39&3=41&4=44&5=54&21=55&25=56&29=57&5=60&6=80&7=82&8=87&9=92&10=98&11=100&13=106&14=112&17=122&18=126&21=139&23=168&25=171&27=189&29=192&31=202&32=206&33=208&35=211&37=216&38=223&39=225&40=229&41=235&42=237&43=242&44=247&45=249&46=251&47=253&48=255&49=257&50=259'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
