from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pack-slides.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pack = resolve('pack')
    l_0_tool = resolve('tool')
    l_0_articles = resolve('articles')
    l_0_s = l_0_m = missing
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
    l_0_s = context.vars['s'] = environment.get_template('_slides.xml.j2', 'pack-slides.xml.j2')._get_default_module(context)
    context.exported_vars.discard('s')
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', 'pack-slides.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield '<document kind="pack-slides" title="'
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
    yield from context.blocks['title_slide'][0](context)
    yield from context.blocks['overview'][0](context)
    yield from context.blocks['agenda'][0](context)
    yield from context.blocks['articles'][0](context)
    yield '</document>\n'

def block_title_slide(context, missing=missing, environment=environment):
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
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<slide title="'
    yield escape(environment.getattr((undefined(name='pack') if l_0_pack is missing else l_0_pack), 'title'))
    yield '" layout="title">\n<p style="subtitle">Briefing pack · '
    yield escape((undefined(name='generated') if l_0_generated is missing else l_0_generated))
    yield '</p>\n'
    if environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'classification'):
        pass
        yield '<p style="meta">'
        yield escape(environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'classification'))
        yield '</p>'
    yield '<notes>'
    yield escape(t_2((undefined(name='articles') if l_0_articles is missing else l_0_articles)))
    yield ' article(s): '
    l_1_loop = missing
    for l_1_a, l_1_loop in LoopContext((undefined(name='articles') if l_0_articles is missing else l_0_articles), undefined):
        _loop_vars = {}
        pass
        yield escape(environment.getattr(l_1_a, 'title'))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '; '
    l_1_loop = l_1_a = missing
    yield '.'
    if (undefined(name='failed') if l_0_failed is missing else l_0_failed):
        pass
        yield ' Not included: '
        l_1_loop = missing
        for l_1_f, l_1_loop in LoopContext((undefined(name='failed') if l_0_failed is missing else l_0_failed), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getattr(l_1_f, 'source'))
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ', '
        l_1_loop = l_1_f = missing
        yield '.'
    yield '</notes>\n</slide>\n'

def block_overview(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_overview = resolve('overview')
    try:
        t_5 = environment.filters['human_date']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'human_date' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    pass
    yield '<slide title="Overview">\n<list>\n'
    for l_1_d in environment.getattr((undefined(name='overview') if l_0_overview is missing else l_0_overview), 'developments'):
        _loop_vars = {}
        pass
        yield '<item>'
        yield escape(t_6(environment.getattr(l_1_d, 'text'), 22))
        if (environment.getattr(l_1_d, 'reports') > 1):
            pass
            yield ' ('
            yield escape(environment.getattr(l_1_d, 'reports'))
            yield ' reports)'
        yield '</item>\n'
    l_1_d = missing
    yield '</list>\n<notes>'
    for l_1_d in environment.getattr((undefined(name='overview') if l_0_overview is missing else l_0_overview), 'developments'):
        _loop_vars = {}
        pass
        yield 'No. '
        yield escape(environment.getattr(l_1_d, 'article'))
        yield ' ¶'
        yield escape(environment.getattr(l_1_d, 'paragraph'))
        yield ': '
        yield escape(environment.getattr(l_1_d, 'title'))
        yield '<br/>'
    l_1_d = missing
    for l_1_e in environment.getattr((undefined(name='overview') if l_0_overview is missing else l_0_overview), 'timeline'):
        _loop_vars = {}
        pass
        yield escape(t_5(environment.getattr(l_1_e, 'date')))
        yield ': '
        yield escape(t_6(environment.getattr(l_1_e, 'text'), 25))
        yield ' ('
        yield escape(t_2(environment.getattr(l_1_e, 'reports')))
        yield ' article(s))<br/>'
    l_1_e = missing
    if environment.getattr((undefined(name='overview') if l_0_overview is missing else l_0_overview), 'actors'):
        pass
        yield 'Named in most articles: '
        l_1_loop = missing
        for l_1_x, l_1_loop in LoopContext(environment.getattr((undefined(name='overview') if l_0_overview is missing else l_0_overview), 'actors'), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getattr(l_1_x, 'name'))
            yield ' ('
            yield escape(environment.getattr(l_1_x, 'articles'))
            yield ')'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '; '
        l_1_loop = l_1_x = missing
    yield '</notes>\n</slide>\n'

def block_agenda(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_groups = resolve('groups')
    l_0_articles = resolve('articles')
    try:
        t_6 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    pass
    yield '<slide title="Agenda">\n<list ordered="true">\n'
    l_1_loop = missing
    for l_1_g, l_1_loop in LoopContext((undefined(name='groups') if l_0_groups is missing else l_0_groups), undefined):
        _loop_vars = {}
        pass
        if environment.getattr(l_1_g, 'heading'):
            pass
            yield '<item><b>'
            yield escape(environment.getattr(l_1_g, 'heading'))
            yield '</b>: '
            l_2_loop = missing
            for l_2_n, l_2_loop in LoopContext(environment.getattr(l_1_g, 'numbers'), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.getattr(environment.getitem((undefined(name='articles') if l_0_articles is missing else l_0_articles), (l_2_n - 1)), 'title'))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '; '
            l_2_loop = l_2_n = missing
            yield '</item>\n'
        else:
            pass
            for l_2_n in environment.getattr(l_1_g, 'numbers'):
                _loop_vars = {}
                pass
                yield '<item>'
                yield escape(environment.getattr(environment.getitem((undefined(name='articles') if l_0_articles is missing else l_0_articles), (l_2_n - 1)), 'title'))
                yield '</item>\n'
            l_2_n = missing
    l_1_loop = l_1_g = missing
    yield '</list>\n<notes>'
    l_1_loop = missing
    for l_1_a, l_1_loop in LoopContext((undefined(name='articles') if l_0_articles is missing else l_0_articles), undefined):
        l_1_m = resolve('m')
        _loop_vars = {}
        pass
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '. '
        yield escape(environment.getattr(l_1_a, 'title'))
        yield ': '
        yield escape((t_6(environment.getattr(l_1_a, 'summary'), 35) if environment.getattr(l_1_a, 'summary') else environment.call(context, environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'source_line'), l_1_a, _loop_vars=_loop_vars)))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '<br/>'
    l_1_loop = l_1_a = l_1_m = missing
    yield '</notes>\n</slide>\n'

def block_articles(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_groups = resolve('groups')
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    pass
    l_1_loop = missing
    for l_1_g, l_1_loop in LoopContext((undefined(name='groups') if l_0_groups is missing else l_0_groups), undefined):
        _loop_vars = {}
        pass
        if environment.getattr(l_1_g, 'heading'):
            pass
            yield '<slide title="'
            yield escape(environment.getattr(l_1_g, 'heading'))
            yield '" layout="section">\n<p style="subtitle">'
            yield escape(t_2(environment.getattr(l_1_g, 'numbers')))
            yield ' article(s)</p>\n<notes>'
            l_2_loop = missing
            for l_2_n, l_2_loop in LoopContext(environment.getattr(l_1_g, 'numbers'), undefined):
                l_2_articles = resolve('articles')
                _loop_vars = {}
                pass
                yield escape(environment.getattr(environment.getitem((undefined(name='articles') if l_2_articles is missing else l_2_articles), (l_2_n - 1)), 'title'))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '; '
            l_2_loop = l_2_n = l_2_articles = missing
            yield '</notes>\n</slide>\n'
        for l_2_n in environment.getattr(l_1_g, 'numbers'):
            l_2_articles = resolve('articles')
            l_2_s = resolve('s')
            l_2_a = missing
            _loop_vars = {}
            pass
            l_2_a = environment.getitem((undefined(name='articles') if l_2_articles is missing else l_2_articles), (l_2_n - 1))
            _loop_vars['a'] = l_2_a
            yield '<slide title="'
            yield escape(environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'title'))
            yield '" layout="section">\n<p style="subtitle">'
            yield escape(l_2_n)
            yield ' of '
            yield escape(t_2((undefined(name='articles') if l_2_articles is missing else l_2_articles)))
            yield '</p>\n<notes>'
            yield escape((environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'summary') or t_6(environment.getattr(environment.getitem(environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'paragraphs'), 0), 'text'), 60)))
            yield '</notes>\n</slide>\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_2_s is missing else l_2_s), 'key_points'), (undefined(name='a') if l_2_a is missing else l_2_a), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_2_s is missing else l_2_s), 'timeline'), (undefined(name='a') if l_2_a is missing else l_2_a), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_2_s is missing else l_2_s), 'actors'), (undefined(name='a') if l_2_a is missing else l_2_a), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_2_s is missing else l_2_s), 'quotations'), (undefined(name='a') if l_2_a is missing else l_2_a), 1, _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_2_s is missing else l_2_s), 'questions'), (undefined(name='a') if l_2_a is missing else l_2_a), _loop_vars=_loop_vars))
            yield '\n'
        l_2_n = l_2_articles = l_2_a = l_2_s = missing
    l_1_loop = l_1_g = missing

blocks = {'title_slide': block_title_slide, 'overview': block_overview, 'agenda': block_agenda, 'articles': block_articles}
debug_info = '3=39&4=41&5=44&6=54&13=55&23=56&39=57&6=60&7=80&8=82&9=84&10=90&13=117&16=145&17=149&20=158&23=196&26=214&27=217&28=220&30=234&31=238&36=244&39=259&40=281&41=284&42=287&43=289&44=292&47=302&48=308&49=311&50=313&51=317&53=319&54=321&55=323&56=325&57=327'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
