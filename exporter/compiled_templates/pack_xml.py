from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pack.xml.j2'

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
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', 'pack.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_b = context.vars['b'] = environment.get_template('_briefing.xml.j2', 'pack.xml.j2')._get_default_module(context)
    context.exported_vars.discard('b')
    yield '<document kind="pack" title="'
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
    yield from context.blocks['index'][0](context)
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
    yield '<p style="meta">Briefing pack</p>\n<p style="title">'
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
    yield '<p style="subtitle">Prepared '
    yield escape((undefined(name='generated') if l_0_generated is missing else l_0_generated))
    yield '</p>\n'
    if environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'classification'):
        pass
        yield '<p style="meta"><b>'
        yield escape(environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'classification'))
        yield '</b></p>'
    yield '<heading level="2" toc="false">Articles in this pack</heading>\n<table widths="0.4,3.2,2.4">\n<row header="true"><cell>#</cell><cell>Title</cell><cell>Source</cell></row>\n'
    l_1_loop = missing
    for l_1_a, l_1_loop in LoopContext((undefined(name='articles') if l_0_articles is missing else l_0_articles), undefined):
        l_1_m = resolve('m')
        _loop_vars = {}
        pass
        yield '<row><cell>'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '</cell><cell><ref n="0" target="'
        yield escape(environment.getattr(l_1_a, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_a, 'title'))
        yield '</ref></cell><cell>'
        yield escape(environment.call(context, environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'source_line'), l_1_a, _loop_vars=_loop_vars))
        yield '</cell></row>\n'
    l_1_loop = l_1_a = l_1_m = missing
    yield '</table>\n'
    if (undefined(name='failed') if l_0_failed is missing else l_0_failed):
        pass
        yield '<heading level="2" toc="false">Not included (could not be read)</heading>\n<list>\n'
        for l_1_f in (undefined(name='failed') if l_0_failed is missing else l_0_failed):
            _loop_vars = {}
            pass
            yield '<item>'
            yield escape(environment.getattr(l_1_f, 'source'))
            yield ': '
            yield escape(environment.getattr(l_1_f, 'error'))
            yield '</item>\n'
        l_1_f = missing
        yield '</list>\n'

def block_contents(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_options = resolve('options')
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
    yield '<pagebreak parity="'
    yield escape(('right' if environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'duplex') else 'any'))
    yield '"/><toc title="Contents" depth="'
    yield escape((2 if ((t_2((undefined(name='articles') if l_0_articles is missing else l_0_articles)) <= 6) or t_6(context.eval_ctx, t_7(context, (undefined(name='groups') if l_0_groups is missing else l_0_groups), 'heading'))) else 1))
    yield '"/>\n'

def block_overview(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_options = resolve('options')
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
    yield '<pagebreak parity="'
    yield escape(('right' if environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'duplex') else 'any'))
    yield '"/>\n'
    yield escape(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overview'), (undefined(name='overview') if l_0_overview is missing else l_0_overview), t_2((undefined(name='articles') if l_0_articles is missing else l_0_articles)), environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'briefings_only'), _block_vars=_block_vars))
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
        l_1_options = resolve('options')
        l_1_h = missing
        _loop_vars = {}
        pass
        l_1_h = (2 if environment.getattr(l_1_g, 'heading') else 1)
        _loop_vars['h'] = l_1_h
        if environment.getattr(l_1_g, 'heading'):
            pass
            yield '<pagebreak parity="'
            yield escape(('right' if environment.getattr((undefined(name='options') if l_1_options is missing else l_1_options), 'duplex') else 'any'))
            yield '"/>\n<heading level="1" anchor="'
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
                yield '<pagebreak parity="'
                yield escape(('right' if environment.getattr((undefined(name='options') if l_1_options is missing else l_1_options), 'duplex') else 'any'))
                yield '"/>'
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
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'byline'), (undefined(name='a') if l_2_a is missing else l_2_a), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'key_points'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'summary'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'quotations'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'questions'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'timeline'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'actors'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'figures'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
            if (not environment.getattr((undefined(name='options') if l_1_options is missing else l_1_options), 'briefings_only')):
                pass
                yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'full_text'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_2_b is missing else l_2_b), 'source'), (undefined(name='a') if l_2_a is missing else l_2_a), environment.call_binop(context, '+', (undefined(name='h') if l_1_h is missing else l_1_h), 1), environment.getattr((undefined(name='a') if l_2_a is missing else l_2_a), 'prefix'), _loop_vars=_loop_vars))
            yield '\n'
        l_2_loop = l_2_n = l_2_articles = l_2_a = l_2_m = l_2_line = l_2_b = missing
    l_1_loop = l_1_g = l_1_h = l_1_options = missing

def block_index(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_index = resolve('index')
    l_0_options = resolve('options')
    l_0_articles = resolve('articles')
    l_0_by_number = resolve('by_number')
    try:
        t_8 = environment.filters['groupby']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'groupby' found.")
    try:
        t_9 = environment.filters['label']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'label' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if (undefined(name='index') if l_0_index is missing else l_0_index):
        pass
        yield '<pagebreak parity="'
        yield escape(('right' if environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'duplex') else 'any'))
        yield '"/>\n<heading level="1" anchor="actor-index">Index of actors</heading>'
        l_0_by_number = (t_2((undefined(name='articles') if l_0_articles is missing else l_0_articles)) > 6)
        _block_vars['by_number'] = l_0_by_number
        yield '<p style="note">Who appears in which article'
        yield escape((' (by its number in the list on the cover)' if (undefined(name='by_number') if l_0_by_number is missing else l_0_by_number) else cond_expr_undefined("the inline if-expression on line 74 in 'pack.xml.j2' evaluated to false and no else section was defined.")))
        yield ', and the page where the article first names them.</p>'
        l_1_loop = missing
        for (l_1_letter, l_1_actors), l_1_loop in LoopContext(t_8(environment, (undefined(name='index') if l_0_index is missing else l_0_index), 'initial'), undefined):
            _loop_vars = {}
            pass
            yield '<heading level="2" toc="false">'
            yield escape(l_1_letter)
            yield '</heading>\n<table widths="1.8,1,3.2">\n<row header="true"><cell>Actor</cell><cell>Kind</cell><cell>Appears in (page)</cell></row>\n'
            l_2_loop = missing
            for l_2_x, l_2_loop in LoopContext(l_1_actors, undefined):
                _loop_vars = {}
                pass
                yield '<row><cell>'
                yield escape(environment.getattr(l_2_x, 'name'))
                yield '</cell><cell>'
                yield escape(t_9(environment.getattr(l_2_x, 'kind')))
                yield '</cell><cell>'
                l_3_loop = missing
                for l_3_e, l_3_loop in LoopContext(environment.getattr(l_2_x, 'entries'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape((markup_join(('No. ', environment.getattr(l_3_e, 'article'), )) if (undefined(name='by_number') if l_0_by_number is missing else l_0_by_number) else environment.getattr(l_3_e, 'title')))
                    yield ', p. <pageref target="'
                    yield escape((environment.getattr(l_3_e, 'anchor') if environment.getattr((undefined(name='options') if l_0_options is missing else l_0_options), 'briefings_only') else environment.getattr(l_3_e, 'target')))
                    yield '"/>'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield '; '
                l_3_loop = l_3_e = missing
                yield '</cell></row>\n'
            l_2_loop = l_2_x = missing
            yield '</table>\n'
        l_1_loop = l_1_letter = l_1_actors = missing

blocks = {'cover': block_cover, 'contents': block_contents, 'overview': block_overview, 'articles': block_articles, 'index': block_index}
debug_info = '3=39&4=41&5=44&6=54&30=55&35=56&39=57&67=58&6=61&8=81&9=83&10=88&11=93&12=99&13=101&17=108&18=113&21=123&24=126&25=130&30=137&31=167&33=169&35=172&36=191&37=193&39=196&41=206&42=211&43=213&44=216&45=218&47=223&48=230&49=232&50=238&51=244&52=246&53=251&54=256&55=258&56=260&57=262&58=264&59=266&60=268&61=270&62=272&63=275&67=280&68=310&69=313&73=315&74=318&77=321&78=325&81=328&82=332'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
