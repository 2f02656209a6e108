/**
 * Traditional → simplified characters common in company, place and person names, so that
 * 北京華興貿易有限公司 (a Taiwanese or Hong Kong bank's export, a zh-TW ledger) and 北京华兴贸易有限公司
 * compare equal. Not a full converter: one character to one character; ambiguous ones (乾, 鍊) are
 * left out, the rest map to their usual company-name reading (幹→干, 臺/檯/颱→台).
 * Each entry is "traditional simplified"; both sides of a comparison go through the same table.
 */
const PAIRS: readonly string[] = [
  // commerce and company words
  '華华 興兴 貿贸 業业 際际 電电 發发 開开 實实 營营 濟济 廣广 東东 門门 國国 運运 輸输 倉仓 儲储 產产',
  '設设 計计 網网 絡络 軟软 體体 術术 學学 醫医 藥药 療疗 銀银 錢钱 財财 會会 賬账 帳账 務务 資资 貨货',
  '進进 買买 賣卖 價价 質质 製制 機机 車车 輛辆 鐵铁 鋼钢 銅铜 鋁铝 屬属 礦矿 氣气 燈灯 熱热 環环 護护',
  '膠胶 紙纸 織织 紡纺 綫线 線线 裝装 飾饰 傢家 園园 藝艺 廠厂 區区 縣县 鎮镇 鄉乡 農农 漁渔 場场 點点',
  '號号 樓楼 層层 廈厦 樂乐 娛娱 視视 聽听 訊讯 報报 傳传 圖图 書书 畫画 創创 諮咨 詢询 顧顾 問问 經经',
  '紀纪 協协 團团 組组 聯联 眾众 衆众 億亿 萬万 達达 亞亚 歐欧 圓圆 長长 構构 標标 準准 測测 檢检 驗验',
  '試试 稅税 徵征 費费 貸贷 結结 餘余 額额 單单 據据 證证 險险 壽寿 擔担 飯饭 館馆 飲饮 麵面 遊游 戲戏',
  '動动 訓训 練练 師师 專专 職职 員员 勞劳 腦脑 碼码 數数 統统 備备 儀仪 錶表 錄录 攝摄 顯显 觸触 滙汇',
  '匯汇 彙汇 兌兑 換换 幣币 鈔钞 庫库 債债 權权 託托 讓让 議议 約约 圍围 鏈链 輪轮 導导 邊边 購购 銷销',
  '辦办 選选 認认 識识 規规 劃划 總总 編编 維维 綜综 優优 勢势 築筑 簡简 糧粮 獎奖 獨独 現现 當当 盤盘',
  '監监 確确 礎础 稱称 積积 競竞 級级 細细 終终 給给 絲丝 緊紧 續续 縮缩 績绩 繪绘 纖纤 義义 習习 舉举',
  '蓋盖 薦荐 補补 複复 復复 見见 親亲 覺觉 覽览 觀观 訂订 記记 討讨 訴诉 診诊 註注 詞词 話话 該该 詳详',
  '誠诚 誌志 說说 課课 調调 談谈 請请 諾诺 謀谋 講讲 譯译 讀读 變变 負负 貢贡 販贩 責责 賓宾 賞赏 賽赛',
  '贈赠 贏赢 趨趋 躍跃 軌轨 軍军 軒轩 較较 載载 輔辅 輕轻 轄辖 轉转 這这 連连 週周 過过 違违 遠远 適适',
  '遷迁 遺遗 邁迈 還还 邏逻 郵邮 釀酿 釋释 針针 銳锐 鍵键 鎂镁 閉闭 閒闲 閱阅 闆板 闖闯 隨随 隱隐 雖虽',
  '雙双 雜杂 離离 難难 霧雾 靈灵 靜静 頁页 頂顶 項项 順顺 須须 預预 領领 頭头 題题 類类 頓顿 頻频 顆颗',
  '願愿 風风 飛飞 養养 駐驻 騰腾 鬥斗 鬧闹 鹽盐 黨党 齊齐 齡龄 辭辞 遞递 輯辑 輻辐 賃赁 賺赚 貼贴 貫贯',
  // places (provinces, cities, districts)
  '滬沪 閩闽 粵粤 贛赣 遼辽 寧宁 陝陕 瓊琼 臺台 檯台 颱台 灣湾 島岛 橋桥 莊庄 漢汉 瀋沈 嶺岭 嶼屿 岡冈',
  '崗岗 峽峡 濱滨 澤泽 灘滩 潤润 濤涛 陽阳 陰阴 陸陆 隴陇 蘇苏 甦苏 慶庆 龍龙 關关',
  // surnames and given-name characters common in company names
  '蕭萧 劉刘 陳陈 張张 楊杨 趙赵 吳吴 鄭郑 孫孙 馮冯 許许 蔣蒋 韓韩 鄧邓 葉叶 盧卢 羅罗 謝谢 鄒邹 鍾钟',
  '鐘钟 譚谭 賴赖 龔龚 顏颜 閻阎 湯汤 範范 嚴严 鄔邬 賀贺 魯鲁 錦锦 鳳凤 麗丽 豐丰 勝胜 榮荣 輝辉 燦灿',
  '雲云 馳驰 駿骏 馬马 寶宝 貴贵 鴻鸿 偉伟 傑杰 蘭兰 藍蓝 綠绿 紅红 黃黄 鵬鹏 聖圣 緣缘 滿满 鑽钻',
  '鏡镜 鋒锋 鋪铺 鍋锅 鎖锁 鑄铸 鍛锻 鐳镭 釘钉 鈴铃 鑒鉴 鑑鉴 閣阁 闊阔 閃闪 間间 陣阵 階阶 隊队 響响',
  '飄飘 騏骐 驛驿 髮发 鬆松 魚鱼 鮮鲜 鳥鸟 鶴鹤 鷹鹰 麥麦 齒齿 龜龟 僑侨 兒儿 內内 兩两 冊册 劑剂 勵励',
  '勳勋 勛勋 厲厉 參参 啟启 喬乔 噸吨 塊块 塵尘 壇坛 壓压 壩坝 壯壮 聲声 處处 夢梦 奧奥 奪夺 婦妇 嬰婴',
  '寫写 審审 寬宽 將将 尋寻 屆届 帶带 幫帮 廳厅 廟庙 彈弹 徑径 從从 憑凭 應应 戰战 戶户 擁拥 擇择 擊击',
  '擬拟 擴扩 攜携 敵敌 斷断 於于 時时 晉晋 暢畅 曆历 歷历 極极 樣样 樁桩 樹树 橫横 檔档 櫃柜 歡欢 殘残',
  '沒没 淨净 淺浅 湧涌 溝沟 滅灭 潔洁 濕湿 災灾 無无 煙烟 煉炼 燒烧 爐炉 爭争 爾尔 牆墙 獲获 畢毕 異异',
  '盡尽 碩硕 禮礼 穩稳 窮穷 紋纹 納纳 純纯 紛纷 絕绝 綿绵 緯纬 繡绣 繩绳 罰罚 肅肃 脈脉 腳脚 膚肤 艦舰',
  '艱艰 蒼苍 蓮莲 薩萨 蘆芦 蝦虾 衛卫 衝冲 賢贤 趕赶 鈞钧 韋韦 儉俭 僅仅 側侧 傷伤 傾倾 僱雇',
  '償偿 凱凯 劍剑 勁劲 卻却 叢丛 喚唤 噴喷 執执 堅坚 堯尧 塗涂 墊垫 壞坏 壺壶 夾夹 奮奋 妝妆 媽妈 宮宫',
  '對对 帥帅 幟帜 幹干 廚厨 廢废 廬庐 強强 歸归 彥彦 徹彻 恆恒 悅悦 愛爱 態态 慣惯 憂忧 憲宪 懷怀',
  '拋抛 捨舍 掃扫 掛挂 採采 揚扬 損损 搶抢 撐撑 撥拨 擋挡 擠挤 擺摆 敗败 敘叙 曉晓 暫暂 條条 棧栈 棟栋',
  '楓枫 槍枪 樞枢 櫻樱 欄栏 歲岁 氫氢 沖冲 況况 淚泪 渦涡 溫温 滄沧 漲涨 漸渐 潛潜 澆浇 濃浓 濾滤 瀏浏',
  '灑洒 為为 烏乌 煒炜 熒荧 燁烨 燭烛 爍烁 牽牵 狀状 獅狮 瑋玮 瑪玛 璽玺 瓏珑 畝亩 疊叠 皚皑 磚砖 祿禄',
  '禎祯 禪禅 穀谷 筆笔 節节 籃篮 籌筹 籤签 簽签 糾纠 紐纽 紗纱 紮扎 絨绒 綢绸 締缔 緒绪 緻致 縱纵 縫缝',
  '繫系 繳缴 聞闻 聰聪 臉脸 臨临 與与 舊旧 艙舱 艷艳 豔艳 蔔卜 薑姜 虛虚 蟲虫 裏里 裡里 褲裤 襪袜 訪访',
  '誼谊 譜谱 豬猪 貓猫 貞贞 跡迹 踐践 蹤踪 迴回 醬酱 鈣钙 鉛铅 銘铭 鍍镀 鎊镑 鏟铲 鑰钥 閘闸 閥阀 闡阐',
  '隸隶 雋隽 韻韵 頌颂 頒颁 頤颐 飼饲 餅饼 駕驾 驅驱 驚惊 鬱郁 鯨鲸 鴿鸽 鵝鹅 鶯莺 麼么 黴霉 後后 並并',
  '併并 佈布 佔占 傘伞 凈净 刪删 剛刚 劇剧 啞哑 嘯啸 囑嘱 塢坞 壘垒 夥伙 寵宠 嶄崭 巔巅 彎弯 憶忆 懇恳',
  '擲掷 攤摊 昇升 暈晕 曠旷 棄弃 棗枣 楨桢 槓杠 樺桦 檸柠 櫥橱 殼壳 毀毁 汙污 洩泄 淵渊 滯滞 滲渗 漿浆',
  '潑泼 濁浊 瀝沥 煥焕 燙烫 爺爷 獄狱 獵猎 瑣琐 瑤瑶 癒愈 盜盗 矯矫 祕秘 禍祸 穎颖 窯窑 竊窃 筍笋 箋笺',
  '篩筛 簾帘 籠笼 紳绅 紹绍 綱纲 綻绽 緞缎 緩缓 繽缤 羨羡 翹翘 聳耸 脅胁 膽胆 臟脏 臘腊 莖茎 萊莱 蔭荫',
  '蕩荡 薈荟 藹蔼 蘊蕴 蠶蚕 襯衬 覓觅 詠咏 誇夸 誕诞 諧谐 謹谨 譽誉 讚赞 贊赞 豎竖 賄贿 賜赐 賠赔 賭赌',
  '軀躯 軸轴 轎轿 轟轰 辯辩 遜逊 遙遥 釐厘 鈕钮 鉑铂 銖铢 鋅锌 錫锡 鎳镍 閏闰 韌韧 顛颠 餉饷 饒饶',
  '駁驳 駛驶 驕骄 鯉鲤 鱗鳞 鳴鸣 鴨鸭 鷗鸥 齋斋 龐庞 嗎吗',
];

/** Built once: traditional code point → simplified character. */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  PAIRS.flatMap((line) => line.split(' ').map((pair) => [pair[0], pair[1]] as [string, string])),
);

/** One character class of every traditional character in the table (a regex test is the fastest check). */
const ANY_TRADITIONAL = new RegExp(`[${[...TRADITIONAL_TO_SIMPLIFIED.keys()].join('')}]`);

/** True when the text holds at least one character the table converts (cheap pre-check). */
export function hasTraditional(text: string): boolean {
  return ANY_TRADITIONAL.test(text);
}

export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}
